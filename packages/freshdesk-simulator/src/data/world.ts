import {
  type CustomFieldDefinition,
  type CustomFieldResource,
  defaultCustomFields,
} from './custom-fields.js';
import { hashString } from './random.js';

/**
 * Id ranges per record kind. Freshdesk ids are plain integers; distinct ranges make a wrong foreign key in a
 * test obvious (a contact id can never be mistaken for a company id).
 */
export const IdBase = {
  ticket: 0,
  contact: 5_000_000_000,
  company: 3_000_000_000,
  agent: 7_000_000_000,
  group: 8_000_000,
  role: 8_100_000,
  skill: 8_200_000,
  product: 8_300_000,
  businessHour: 8_400_000,
  slaPolicy: 8_500_000,
  emailConfig: 8_600_000,
  mailbox: 8_700_000,
  ticketField: 9_000_000,
  contactField: 9_100_000,
  companyField: 9_200_000,
  cannedFolder: 9_300_000,
  cannedResponse: 9_400_000,
  solutionCategory: 9_500_000,
  solutionFolder: 9_600_000,
  solutionArticle: 9_700_000,
  discussionCategory: 9_800_000,
  forum: 9_900_000,
  topic: 10_000_000,
  comment: 10_100_000,
  survey: 10_200_000,
  scenario: 10_300_000,
  attachment: 20_000_000_000,
} as const;

export interface WorldSizes {
  tickets: number;
  contacts: number;
  companies: number;
  agents: number;
  groups: number;
}

/** Everything the generators need: the seed, the sizes and the (mutable) custom field schema. */
export class World {
  readonly seedHash: number;
  private readonly fields = new Map<CustomFieldResource, CustomFieldDefinition[]>();
  private readonly fieldHashes = new Map<string, number>();
  /** Bumped on every schema change so cached JSON of every record is dropped. */
  schemaVersion = 0;

  constructor(
    readonly seed: string,
    readonly sizes: WorldSizes,
    /** The simulated instant (seconds) the data set is generated relative to. */
    readonly generatedAt: number,
  ) {
    this.seedHash = hashString(seed);
    for (const resource of ['tickets', 'contacts', 'companies'] as const) {
      this.fields.set(resource, defaultCustomFields(resource));
    }
  }

  customFields(resource: CustomFieldResource): readonly CustomFieldDefinition[] {
    return this.fields.get(resource) ?? [];
  }

  fieldHash(name: string): number {
    let h = this.fieldHashes.get(name);
    if (h === undefined) {
      h = hashString(name);
      this.fieldHashes.set(name, h);
    }
    return h;
  }

  addCustomField(resource: CustomFieldResource, field: CustomFieldDefinition): void {
    const list = this.fields.get(resource) ?? [];
    if (!field.name.startsWith('cf_')) {
      throw new Error(
        `Custom field names start with "cf_" in Freshdesk; got "${field.name}". Add the prefix.`,
      );
    }
    if (list.some((f) => f.name === field.name)) {
      throw new Error(
        `The ${resource} custom field "${field.name}" already exists; use changeFieldType to alter it.`,
      );
    }
    list.push(field);
    this.fields.set(resource, list);
    this.schemaVersion++;
  }

  changeFieldType(resource: CustomFieldResource, name: string, type: CustomFieldDefinition['type']): void {
    const field = (this.fields.get(resource) ?? []).find((f) => f.name === name);
    if (!field) {
      const known = this.customFields(resource)
        .map((f) => f.name)
        .join(', ');
      throw new Error(`No ${resource} custom field "${name}". Known fields: ${known}.`);
    }
    field.type = type;
    this.schemaVersion++;
  }

  contactId(index: number): number {
    return IdBase.contact + index + 1;
  }

  companyId(index: number): number {
    return IdBase.company + index + 1;
  }

  agentId(index: number): number {
    return IdBase.agent + index + 1;
  }

  groupId(index: number): number {
    return IdBase.group + index + 1;
  }
}
