/**
 * Generated from openapi/freshdesk.yaml. Do not edit by hand: run `npm run generate`.
 */

/** List endpoints of the spec: GET returns a bare array. `paginated` ones take page/per_page and send Link. */
export const LIST_ENDPOINTS = {
  "/tickets": {
    operationId: "listTickets",
    paginated: true,
    pathParams: [],
    queryParams: ["filter","requester_id","email","unique_external_id","company_id","updated_since","order_by","order_type","include"],
  },
  "/tickets/{id}/conversations": {
    operationId: "listTicketConversations",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/tickets/{id}/time_entries": {
    operationId: "listTicketTimeEntries",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/tickets/{id}/satisfaction_ratings": {
    operationId: "listTicketSatisfactionRatings",
    paginated: false,
    pathParams: ["id"],
    queryParams: [],
  },
  "/tickets/archived/{id}/conversations": {
    operationId: "listArchivedTicketConversations",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/contacts": {
    operationId: "listContacts",
    paginated: true,
    pathParams: [],
    queryParams: ["email","mobile","phone","company_id","state","_updated_since"],
  },
  "/contact_fields": {
    operationId: "listContactFields",
    paginated: false,
    pathParams: [],
    queryParams: [],
  },
  "/companies": {
    operationId: "listCompanies",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/company_fields": {
    operationId: "listCompanyFields",
    paginated: false,
    pathParams: [],
    queryParams: [],
  },
  "/agents": {
    operationId: "listAgents",
    paginated: true,
    pathParams: [],
    queryParams: ["email","mobile","phone","state"],
  },
  "/groups": {
    operationId: "listGroups",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/roles": {
    operationId: "listRoles",
    paginated: false,
    pathParams: [],
    queryParams: [],
  },
  "/admin/skills": {
    operationId: "listSkills",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/products": {
    operationId: "listProducts",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/business_hours": {
    operationId: "listBusinessHours",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/sla_policies": {
    operationId: "listSlaPolicies",
    paginated: false,
    pathParams: [],
    queryParams: [],
  },
  "/email_configs": {
    operationId: "listEmailConfigs",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/email/mailboxes": {
    operationId: "listEmailMailboxes",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/ticket_fields": {
    operationId: "listTicketFields",
    paginated: false,
    pathParams: [],
    queryParams: ["type"],
  },
  "/surveys/satisfaction_ratings": {
    operationId: "listSatisfactionRatings",
    paginated: true,
    pathParams: [],
    queryParams: ["created_since","user_id"],
  },
  "/surveys": {
    operationId: "listSurveys",
    paginated: true,
    pathParams: [],
    queryParams: ["state"],
  },
  "/time_entries": {
    operationId: "listTimeEntries",
    paginated: true,
    pathParams: [],
    queryParams: ["company_id","agent_id","executed_after","executed_before","billable"],
  },
  "/canned_response_folders": {
    operationId: "listCannedResponseFolders",
    paginated: false,
    pathParams: [],
    queryParams: [],
  },
  "/canned_response_folders/{id}/responses": {
    operationId: "listCannedResponses",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/solutions/categories": {
    operationId: "listSolutionCategories",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/solutions/categories/{id}/folders": {
    operationId: "listSolutionFolders",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/solutions/folders/{id}/articles": {
    operationId: "listSolutionArticles",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/discussions/categories": {
    operationId: "listDiscussionCategories",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
  "/discussions/categories/{id}/forums": {
    operationId: "listForums",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/discussions/forums/{id}/topics": {
    operationId: "listTopics",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/discussions/topics/{id}/comments": {
    operationId: "listComments",
    paginated: true,
    pathParams: ["id"],
    queryParams: [],
  },
  "/scenario_automations": {
    operationId: "listScenarioAutomations",
    paginated: true,
    pathParams: [],
    queryParams: [],
  },
} as const;
