/** A cached ticket list view: ticket indices in list order, plus positions near its created window's start. */
export interface TicketView {
  indices: Uint32Array;
  /** For a created window (the default list): positions created in its first minute, see recent-window.ts. */
  edge: Uint32Array | undefined;
}
