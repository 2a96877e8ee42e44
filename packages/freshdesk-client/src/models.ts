import type { components } from './generated/freshdesk.gen.js';

type Schemas = components['schemas'];

/** Any schema of the spec by name, e.g. `FreshdeskSchema<'Ticket'>`. */
export type FreshdeskSchema<Name extends keyof Schemas> = Schemas[Name];

export type Ticket = Schemas['Ticket'];
export type TicketStatus = Schemas['TicketStatus'];
export type TicketPriority = Schemas['TicketPriority'];
export type TicketSource = Schemas['TicketSource'];
export type TicketStats = Schemas['TicketStats'];
export type TicketField = Schemas['TicketField'];
export type Conversation = Schemas['Conversation'];
export type Attachment = Schemas['Attachment'];
export type Contact = Schemas['Contact'];
export type ContactField = Schemas['ContactField'];
export type Company = Schemas['Company'];
export type CompanyField = Schemas['CompanyField'];
export type Agent = Schemas['Agent'];
export type Group = Schemas['Group'];
export type Role = Schemas['Role'];
export type Skill = Schemas['Skill'];
export type Product = Schemas['Product'];
export type BusinessHour = Schemas['BusinessHour'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type EmailConfig = Schemas['EmailConfig'];
export type EmailMailbox = Schemas['EmailMailbox'];
export type SatisfactionRating = Schemas['SatisfactionRating'];
export type Survey = Schemas['Survey'];
export type TimeEntry = Schemas['TimeEntry'];
export type CannedResponseFolder = Schemas['CannedResponseFolder'];
export type CannedResponse = Schemas['CannedResponse'];
export type SolutionCategory = Schemas['SolutionCategory'];
export type SolutionFolder = Schemas['SolutionFolder'];
export type SolutionArticle = Schemas['SolutionArticle'];
export type DiscussionCategory = Schemas['DiscussionCategory'];
export type Forum = Schemas['Forum'];
export type Topic = Schemas['Topic'];
export type Comment = Schemas['Comment'];
export type ScenarioAutomation = Schemas['ScenarioAutomation'];
export type HelpdeskSettings = Schemas['HelpdeskSettings'];
/** The error body Freshdesk sends with 4xx answers. */
export type FreshdeskErrorBody = Schemas['Error'];
