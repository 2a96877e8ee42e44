import { describe, expect, it } from 'vitest';
import { parseNextLink } from '../src/index.js';

describe('parseNextLink', () => {
  it('finds rel="next" in the forms servers send', () => {
    expect(parseNextLink('<https://acme.freshdesk.com/api/v2/tickets?page=2&per_page=100>; rel="next"')).toBe(
      'https://acme.freshdesk.com/api/v2/tickets?page=2&per_page=100',
    );
    expect(parseNextLink('<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel=next')).toBe(
      'https://x/a?page=3',
    );
    expect(parseNextLink('<https://x/a?include=stats,requester&page=2>; rel="next last"')).toBe(
      'https://x/a?include=stats,requester&page=2',
    );
    expect(parseNextLink('<https://x/a?page=2>; REL="Next"')).toBe('https://x/a?page=2');
  });

  it('returns undefined without a next link', () => {
    expect(parseNextLink(null)).toBeUndefined();
    expect(parseNextLink('')).toBeUndefined();
    expect(parseNextLink('<https://x/a?page=1>; rel="prev"')).toBeUndefined();
    expect(parseNextLink('garbage')).toBeUndefined();
  });
});
