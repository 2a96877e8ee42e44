import { isoSeconds } from '../clock.js';
import type { RecordData } from '../store/record-table.js';
import { contactName } from './contacts.js';
import { Rng, Stream } from './random.js';
import { escapeHtml, LANGUAGES, SENTENCES, TIME_ZONES } from './text.js';
import { IdBase, type World } from './world.js';

const DAY = 86_400;

/**
 * The account's configuration and knowledge base: small collections generated once at start and kept in
 * memory (they are tiny next to tickets).
 */
export interface Catalog {
  agents: RecordData[];
  groups: RecordData[];
  roles: RecordData[];
  skills: RecordData[];
  products: RecordData[];
  businessHours: RecordData[];
  slaPolicies: RecordData[];
  emailConfigs: RecordData[];
  mailboxes: RecordData[];
  cannedFolders: RecordData[];
  cannedResponses: RecordData[];
  solutionCategories: RecordData[];
  solutionFolders: RecordData[];
  solutionArticles: RecordData[];
  discussionCategories: RecordData[];
  forums: RecordData[];
  topics: RecordData[];
  comments: RecordData[];
  surveys: RecordData[];
  scenarios: RecordData[];
  settings: RecordData;
}

function stamps(rng: Rng, now: number): { created_at: string; updated_at: string } {
  const created = now - rng.int(60, 1000) * DAY;
  const updated = Math.min(now, created + rng.int(0, 300) * DAY);
  return { created_at: isoSeconds(created), updated_at: isoSeconds(updated) };
}

const GROUP_NAMES = [
  'Billing',
  'Technical support',
  'Returns',
  'VIP desk',
  'Escalations',
  'Sales',
  'Partners',
];
const ROLE_NAMES = ['Account Administrator', 'Administrator', 'Supervisor', 'Agent'];
const PRODUCT_NAMES = ['Sluice Cloud', 'Sluice Mobile', 'Sluice Hardware'];

export function generateCatalog(world: World): Catalog {
  const now = world.generatedAt;
  const rng = Rng.for(world.seedHash, Stream.catalog, 1);
  const { agents: agentCount, groups: groupCount } = world.sizes;

  const roles = ROLE_NAMES.map((name, i) => ({
    id: IdBase.role + i + 1,
    name,
    description: `${name} role`,
    default: true,
    agent_type: 1,
    ...stamps(rng, now),
  }));
  const skills = ['German', 'Refunds', 'Hardware'].map((name, i) => ({
    id: IdBase.skill + i + 1,
    name,
    rank: i + 1,
    match_type: 'any',
    conditions: [
      { resource_type: 'ticket', conditions: [{ field_name: 'priority', operator: 'in', value: [3, 4] }] },
    ],
    agents: [{ id: world.agentId(i % agentCount) }],
    ...stamps(rng, now),
  }));
  const businessHours = [
    { id: IdBase.businessHour + 1, name: 'Default', tz: TIME_ZONES[0], isDefault: true },
    { id: IdBase.businessHour + 2, name: 'Europe', tz: 'Berlin', isDefault: false },
  ].map((bh) => ({
    id: bh.id,
    name: bh.name,
    description: `${bh.name} business hours`,
    is_default: bh.isDefault,
    time_zone: bh.tz,
    business_hours: Object.fromEntries(
      ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [
        d,
        { start_time: '8:00 am', end_time: '6:00 pm' },
      ]),
    ),
    ...stamps(rng, now),
  }));
  const groups = Array.from({ length: groupCount }, (_, i) => ({
    id: world.groupId(i),
    name: GROUP_NAMES[i] ?? `Group ${i + 1}`,
    description: rng.bool(0.7) ? `Handles ${(GROUP_NAMES[i] ?? 'misc').toLowerCase()} tickets` : null,
    escalate_to: rng.bool(0.3) ? world.agentId(0) : null,
    unassigned_for: rng.pick(['30m', '1h', '2h', null] as const),
    business_hour_id: IdBase.businessHour + 1 + (i % 2),
    group_type: 'support_agent_group',
    auto_ticket_assign: rng.bool(0.5) ? 1 : 0,
    agent_ids: Array.from({ length: agentCount }, (_, a) => world.agentId(a)).filter(
      (_, a) => a % groupCount === i,
    ),
    ...stamps(rng, now),
  }));
  const agents = Array.from({ length: agentCount }, (_, i) => {
    const id = world.agentId(i);
    const { name } = contactName(world, id);
    const times = stamps(rng, now);
    return {
      available: rng.bool(0.6),
      occasional: i % 7 === 6,
      id,
      signature: rng.bool(0.5) ? `<div>${escapeHtml(name)}</div>` : null,
      ticket_scope: rng.pick([1, 2, 3] as const),
      type: i % 9 === 8 ? 'collaborator' : 'support_agent',
      group_ids: [world.groupId(i % groupCount)],
      role_ids: [IdBase.role + (i === 0 ? 1 : 4)],
      skill_ids: i < 3 ? [IdBase.skill + i + 1] : [],
      available_since: null,
      focus_mode: true,
      last_active_at: isoSeconds(now - rng.int(0, 10) * DAY),
      deactivated: false,
      contact: {
        active: true,
        email: `agent${i + 1}@example-helpdesk.com`,
        job_title: rng.bool(0.5) ? 'Support engineer' : null,
        language: rng.pick(LANGUAGES),
        last_login_at: isoSeconds(now - rng.int(0, 20) * DAY),
        mobile: null,
        name,
        phone: null,
        time_zone: rng.pick(TIME_ZONES),
        ...times,
      },
      ...times,
    };
  });
  const products = PRODUCT_NAMES.map((name, i) => ({
    id: IdBase.product + i + 1,
    name,
    description: `${name} product line`,
    primary_email: `support+${i + 1}@example-helpdesk.com`,
    default: i === 0,
    ...stamps(rng, now),
  }));
  const slaPolicies = ['Default SLA policy', 'VIP SLA'].map((name, i) => ({
    id: IdBase.slaPolicy + i + 1,
    name,
    description: i === 0 ? 'default policy' : 'Faster targets for VIP companies',
    active: true,
    is_default: i === 0,
    position: i + 1,
    applicable_to: i === 0 ? null : { company_ids: [world.companyId(0)] },
    sla_target: Object.fromEntries(
      [1, 2, 3, 4].map((p) => [
        `priority_${p}`,
        {
          respond_within: (5 - p) * 3600,
          resolve_within: (5 - p) * 4 * 3600,
          business_hours: i === 0,
          escalation_enabled: true,
        },
      ]),
    ),
    escalation: { response: { escalation_time: 0, agent_ids: [-1] } },
    ...stamps(rng, now),
  }));
  const emailConfigs = [1, 2, 3].map((n) => ({
    id: IdBase.emailConfig + n,
    name: n === 1 ? 'Support' : `Support ${n}`,
    product_id: n === 1 ? null : IdBase.product + n,
    group_id: world.groupId((n - 1) % groupCount),
    to_email: `support${n === 1 ? '' : `-${n}`}@example-helpdesk.com`,
    reply_email: `support${n === 1 ? '' : `-${n}`}@example-helpdesk.com`,
    primary_role: n === 1,
    active: true,
    ...stamps(rng, now),
  }));
  const mailboxes = emailConfigs.map((config, i) => ({
    id: IdBase.mailbox + i + 1,
    name: config.name,
    support_email: config.to_email,
    group_id: config.group_id,
    product_id: config.product_id,
    default_reply_email: i === 0,
    active: true,
    mailbox_type: i === 2 ? 'custom_mailbox' : 'freshdesk_mailbox',
    freshdesk_mailbox: i === 2 ? null : { forward_email: `acme${i}@fwd.example-helpdesk.com` },
    custom_mailbox:
      i === 2 ? { access_type: 'incoming', incoming: { mail_server: 'imap.example.com', port: 993 } } : null,
    created_at: config.created_at,
    updated_at: config.updated_at,
  }));

  const cannedFolders: RecordData[] = [];
  const cannedResponses: RecordData[] = [];
  ['General', 'Refunds', 'Personal'].forEach((name, f) => {
    const folderId = IdBase.cannedFolder + f + 1;
    const count = 2 + f;
    cannedFolders.push({
      id: folderId,
      name,
      personal: name === 'Personal',
      responses_count: count,
      ...stamps(rng, now),
    });
    for (let r = 0; r < count; r++) {
      const text = rng.pick(SENTENCES);
      cannedResponses.push({
        id: IdBase.cannedResponse + f * 100 + r + 1,
        title: `${name} reply ${r + 1}`,
        folder_id: folderId,
        content: text,
        content_html: `<p>${escapeHtml(text)}</p>`,
        attachments: [],
        ...stamps(rng, now),
      });
    }
  });

  const solutionCategories: RecordData[] = [];
  const solutionFolders: RecordData[] = [];
  const solutionArticles: RecordData[] = [];
  ['Getting started', 'Billing', 'Troubleshooting'].forEach((name, c) => {
    const categoryId = IdBase.solutionCategory + c + 1;
    solutionCategories.push({
      id: categoryId,
      name,
      description: `${name} articles`,
      visible_in_portals: [1],
      ...stamps(rng, now),
    });
    for (let f = 0; f < 2; f++) {
      const folderId = IdBase.solutionFolder + c * 10 + f + 1;
      solutionFolders.push({
        id: folderId,
        name: `${name} ${f === 0 ? 'basics' : 'advanced'}`,
        description: null,
        category_id: categoryId,
        parent_folder_id: null,
        visibility: f === 0 ? 1 : 2,
        company_ids: [],
        articles_count: 3,
        sub_folders_count: 0,
        ...stamps(rng, now),
      });
      for (let a = 0; a < 3; a++) {
        const text = `${rng.pick(SENTENCES)} ${rng.pick(SENTENCES)}`;
        solutionArticles.push({
          id: IdBase.solutionArticle + c * 100 + f * 10 + a + 1,
          type: 1,
          category_id: categoryId,
          folder_id: folderId,
          title: `How to ${rng.pick(['export data', 'reset a password', 'change plans', 'set up SSO'])} (${a + 1})`,
          description: `<p>${escapeHtml(text)}</p>`,
          description_text: text,
          status: a === 2 ? 1 : 2,
          agent_id: world.agentId(a % agentCount),
          hits: rng.int(0, 5000),
          thumbs_up: rng.int(0, 100),
          thumbs_down: rng.int(0, 20),
          feedback_count: rng.int(0, 5),
          tags: [],
          seo_data: { meta_title: null, meta_description: null },
          ...stamps(rng, now),
        });
      }
    }
  });

  const discussionCategories: RecordData[] = [];
  const forums: RecordData[] = [];
  const topics: RecordData[] = [];
  const comments: RecordData[] = [];
  ['Community', 'Product ideas'].forEach((name, c) => {
    const categoryId = IdBase.discussionCategory + c + 1;
    discussionCategories.push({ id: categoryId, name, description: `${name} forums`, ...stamps(rng, now) });
    for (let f = 0; f < 2; f++) {
      const forumId = IdBase.forum + c * 10 + f + 1;
      const topicCount = 2;
      forums.push({
        id: forumId,
        name: `${name} forum ${f + 1}`,
        description: null,
        position: f + 1,
        forum_category_id: categoryId,
        forum_type: c === 0 ? 1 : 2,
        forum_visibility: 1,
        company_ids: [],
        topics_count: topicCount,
        posts_count: topicCount * 3,
        ...stamps(rng, now),
      });
      for (let t = 0; t < topicCount; t++) {
        const topicId = IdBase.topic + c * 100 + f * 10 + t + 1;
        const times = stamps(rng, now);
        topics.push({
          id: topicId,
          title: `${rng.pick(['Dark mode', 'Export to CSV', 'Slow dashboard', 'API limits'])}?`,
          forum_id: forumId,
          user_id: world.contactId(t),
          locked: false,
          published: true,
          sticky: t === 0,
          stamp_type: null,
          merged_topic_id: null,
          replied_by: world.agentId(0),
          replied_at: times.updated_at,
          hits: rng.int(0, 900),
          posts_count: 3,
          ...times,
        });
        for (let k = 0; k < 3; k++) {
          const text = rng.pick(SENTENCES);
          comments.push({
            id: IdBase.comment + (topicId - IdBase.topic) * 10 + k,
            body: `<p>${escapeHtml(text)}</p>`,
            body_text: text,
            topic_id: topicId,
            forum_id: forumId,
            user_id: k === 1 ? world.agentId(0) : world.contactId(k),
            answer: k === 1,
            published: true,
            spam: false,
            trash: false,
            ...times,
          });
        }
      }
    }
  });

  const surveys = [
    { id: IdBase.survey + 1, title: 'Default satisfaction survey', active: true },
    { id: IdBase.survey + 2, title: 'Old NPS survey', active: false },
  ].map((s) => ({
    ...s,
    questions: [
      {
        id: 'default_question',
        label: 'How would you rate your overall satisfaction for the resolution provided by the agent?',
        accepted_ratings: [103, 102, 101, 100, -101, -102, -103],
        default: true,
      },
    ],
    ...stamps(rng, now),
  }));

  const scenarios = ['Mark as spam and close', 'Escalate to tier 2', 'Refund issued'].map((name, i) => ({
    id: IdBase.scenario + i + 1,
    name,
    description: null,
    private: i === 2,
    actions: [
      { name: 'status', value: i === 0 ? 5 : 2 },
      { name: 'priority', value: 3 },
    ],
    ...stamps(rng, now),
  }));

  return {
    agents,
    groups,
    roles,
    skills,
    products,
    businessHours,
    slaPolicies,
    emailConfigs,
    mailboxes,
    cannedFolders,
    cannedResponses,
    solutionCategories,
    solutionFolders,
    solutionArticles,
    discussionCategories,
    forums,
    topics,
    comments,
    surveys,
    scenarios,
    settings: {
      primary_language: 'en',
      supported_languages: ['de', 'fr', 'ja'],
      portal_languages: ['en', 'de'],
      help_widget_languages: ['en'],
    },
  };
}
