/**
 * Generated from openapi/freshdesk.yaml. Do not edit by hand: run `npm run generate`.
 */

export interface paths {
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tickets
         * @description Lists tickets, 30 per page by default (at most 100). Pages beyond 300 are rejected with a 400 (`field: page`, `code: invalid_value`); page on by `updated_since` instead.
         */
        get: operations["listTickets"];
        put?: never;
        /** Create a ticket */
        post: operations["createTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a ticket */
        get: operations["getTicket"];
        /** Update a ticket */
        put: operations["updateTicket"];
        post?: never;
        /** Delete a ticket (moves it to trash) */
        delete: operations["deleteTicket"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        /** Restore a deleted ticket */
        put: operations["restoreTicket"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the conversations of a ticket */
        get: operations["listTicketConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to a ticket */
        post: operations["replyToTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to a ticket */
        post: operations["createTicketNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        /** Update a conversation */
        put: operations["updateConversation"];
        post?: never;
        /** Delete a conversation */
        delete: operations["deleteConversation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/time_entries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the time entries of a ticket */
        get: operations["listTicketTimeEntries"];
        put?: never;
        /** Create a time entry on a ticket */
        post: operations["createTicketTimeEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/satisfaction_ratings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the satisfaction ratings of a ticket */
        get: operations["listTicketSatisfactionRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/watchers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the watchers of a ticket */
        get: operations["listTicketWatchers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Watch a ticket */
        post: operations["watchTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/unwatch": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        /** Stop watching a ticket */
        put: operations["unwatchTicket"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/archived/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View an archived ticket */
        get: operations["getArchivedTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/archived/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the conversations of an archived ticket */
        get: operations["listArchivedTicketConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts */
        get: operations["listContacts"];
        put?: never;
        /** Create a contact */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a contact */
        get: operations["getContact"];
        /** Update a contact */
        put: operations["updateContact"];
        post?: never;
        /** Soft delete a contact */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{id}/hard_delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Permanently delete a contact */
        delete: operations["hardDeleteContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        /** Restore a soft deleted contact */
        put: operations["restoreContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{id}/make_agent": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        /** Convert a contact into an agent */
        put: operations["makeContactAgent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contact_fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contact fields */
        get: operations["listContactFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List companies */
        get: operations["listCompanies"];
        put?: never;
        /** Create a company */
        post: operations["createCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a company */
        get: operations["getCompany"];
        /** Update a company */
        put: operations["updateCompany"];
        post?: never;
        /** Delete a company */
        delete: operations["deleteCompany"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/company_fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List company fields */
        get: operations["listCompanyFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List agents */
        get: operations["listAgents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** View the agent who owns the API key */
        get: operations["getCurrentAgent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View an agent */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List groups */
        get: operations["listGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a group */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List roles */
        get: operations["listRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a role */
        get: operations["getRole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List skills */
        get: operations["listSkills"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/skills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a skill */
        get: operations["getSkill"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a product */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/business_hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List business hours */
        get: operations["listBusinessHours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/business_hours/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a business hour */
        get: operations["getBusinessHour"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla_policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List SLA policies */
        get: operations["listSlaPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/email_configs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List email configs */
        get: operations["listEmailConfigs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/email_configs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View an email config */
        get: operations["getEmailConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/email/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List email mailboxes */
        get: operations["listEmailMailboxes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/email/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View an email mailbox */
        get: operations["getEmailMailbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ticket_fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List ticket fields */
        get: operations["listTicketFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/ticket_fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a ticket field */
        get: operations["getTicketField"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys/satisfaction_ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List satisfaction ratings */
        get: operations["listSatisfactionRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List surveys */
        get: operations["listSurveys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time_entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List time entries */
        get: operations["listTimeEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time_entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        /** Update a time entry */
        put: operations["updateTimeEntry"];
        post?: never;
        /** Delete a time entry */
        delete: operations["deleteTimeEntry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/canned_response_folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List canned response folders */
        get: operations["listCannedResponseFolders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/canned_response_folders/{id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the canned responses of a folder */
        get: operations["listCannedResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/canned_responses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a canned response */
        get: operations["getCannedResponse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/solutions/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List solution categories */
        get: operations["listSolutionCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/solutions/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a solution category */
        get: operations["getSolutionCategory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/solutions/categories/{id}/folders": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the folders of a solution category */
        get: operations["listSolutionFolders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/solutions/folders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a solution folder */
        get: operations["getSolutionFolder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/solutions/folders/{id}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the articles of a solution folder */
        get: operations["listSolutionArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/solutions/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a solution article */
        get: operations["getSolutionArticle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List forum categories */
        get: operations["listDiscussionCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a forum category */
        get: operations["getDiscussionCategory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/categories/{id}/forums": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the forums of a category */
        get: operations["listForums"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/forums/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a forum */
        get: operations["getForum"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/forums/{id}/topics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the topics of a forum */
        get: operations["listTopics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/topics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** View a topic */
        get: operations["getTopic"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/discussions/topics/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** List the comments of a topic */
        get: operations["listComments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenario_automations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List scenario automations */
        get: operations["listScenarioAutomations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/helpdesk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** View helpdesk settings */
        get: operations["getHelpdeskSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search tickets
         * @description Filters with a query language; 30 results per page, at most 10 pages, so at most 300 of `total` matches can be read.
         */
        get: operations["searchTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search contacts
         * @description Filters with a query language; 30 results per page, at most 10 pages, so at most 300 of `total` matches can be read.
         */
        get: operations["searchContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search companies
         * @description Filters with a query language; 30 results per page, at most 10 pages, so at most 300 of `total` matches can be read.
         */
        get: operations["searchCompanies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Freshdesk error body. Validation errors (400, 409) carry `description` and `errors`; authentication and authorization errors carry `code` and `message`. */
        Error: {
            /** @description Summary of what went wrong, e.g. "Validation failed". */
            description?: string;
            errors?: components["schemas"]["ErrorDetail"][];
            /** @description Returned instead of `errors` by some statuses, e.g. `invalid_credentials` (401). */
            code?: string;
            /** @description Returned with `code` by some statuses (401, 403, 429). */
            message?: string;
        };
        /** @description Body of a 400 or 409: `{"description":"Validation failed","errors":[{"field":"page","message":"...","code":"invalid_value"}]}`. */
        ValidationError: {
            description: string;
            errors: components["schemas"]["ErrorDetail"][];
            code?: string;
            message?: string;
        };
        ErrorDetail: {
            /** @description The request field the error is about. */
            field?: string;
            /** @description Human readable explanation. */
            message: string;
            /** @description Machine readable code, e.g. missing_field, invalid_value, duplicate_value, datatype_mismatch, invalid_field, invalid_size, incompatible_field, inaccessible_field. */
            code: string;
            /** @description Extra details for some codes. */
            additional_info?: {
                [key: string]: unknown;
            };
        };
        /** @description Account-defined custom fields keyed by field name (e.g. `cf_region`). Values are strings, numbers, booleans, dates or null. */
        CustomFields: {
            [key: string]: unknown;
        };
        /**
         * @description Ticket status: 2 Open, 3 Pending, 4 Resolved, 5 Closed. (Accounts with custom statuses can return further ids.)
         * @enum {integer}
         */
        TicketStatus: 2 | 3 | 4 | 5;
        /**
         * @description Ticket priority: 1 Low, 2 Medium, 3 High, 4 Urgent.
         * @enum {integer}
         */
        TicketPriority: 1 | 2 | 3 | 4;
        /**
         * @description Channel the ticket came from: 1 Email, 2 Portal, 3 Phone, 4 Forum, 5 Twitter, 6 Facebook, 7 Chat, 8 Mobihelp, 9 Feedback widget, 10 Outbound email.
         * @enum {integer}
         */
        TicketSource: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
        /** @description Conversation source: 0 Reply, 2 Note, 5 Created from tweet, 6 Created from survey feedback, 7 Created from Facebook post, 8 Created from forwarded email, 9 Created from phone, 10 Created from Mobihelp, 11 E-commerce. */
        ConversationSource: number;
        Attachment: {
            /** Format: int64 */
            id: number;
            name: string;
            content_type: string;
            /** @description Size in bytes. */
            size: number;
            /** @description Signed download URL; it expires. */
            attachment_url: string;
            thumb_url?: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Returned with `include=stats`. */
        TicketStats: {
            /** Format: date-time */
            agent_responded_at?: string | null;
            /** Format: date-time */
            requester_responded_at?: string | null;
            /** Format: date-time */
            first_responded_at?: string | null;
            /** Format: date-time */
            status_updated_at?: string | null;
            /** Format: date-time */
            reopened_at?: string | null;
            /** Format: date-time */
            resolved_at?: string | null;
            /** Format: date-time */
            closed_at?: string | null;
            /** Format: date-time */
            pending_since?: string | null;
        };
        /** @description Returned with `include=requester`. */
        TicketRequester: {
            /** Format: int64 */
            id: number;
            name: string;
            email: string | null;
            mobile: string | null;
            phone: string | null;
        };
        /** @description Returned with `include=company`. */
        TicketCompany: {
            /** Format: int64 */
            id: number;
            name: string;
        };
        Ticket: {
            /** Format: int64 */
            id: number;
            subject: string | null;
            /** @description HTML content; on lists only with `include=description`. */
            description?: string | null;
            /** @description Plain text content; on lists only with `include=description`. */
            description_text?: string | null;
            /** @description Ticket type, e.g. "Question", "Incident", "Problem". */
            type: string | null;
            status: components["schemas"]["TicketStatus"];
            priority: components["schemas"]["TicketPriority"];
            source: components["schemas"]["TicketSource"];
            /** Format: int64 */
            requester_id: number;
            /**
             * Format: int64
             * @description Agent the ticket is assigned to.
             */
            responder_id: number | null;
            /** Format: int64 */
            group_id: number | null;
            /** Format: int64 */
            company_id: number | null;
            /** Format: int64 */
            product_id?: number | null;
            /** Format: int64 */
            email_config_id?: number | null;
            /** Format: int64 */
            form_id?: number | null;
            /** @description Whether the first response time was breached. */
            fr_escalated: boolean;
            /** @description Whether the resolution time was breached. */
            is_escalated: boolean;
            nr_escalated?: boolean;
            spam: boolean;
            /** @description Present on tickets returned with `filter=deleted`. */
            deleted?: boolean;
            /** Format: date-time */
            due_by: string | null;
            /** Format: date-time */
            fr_due_by: string | null;
            /** Format: date-time */
            nr_due_by?: string | null;
            to_emails?: string[] | null;
            cc_emails?: string[];
            fwd_emails?: string[];
            reply_cc_emails?: string[];
            ticket_cc_emails?: string[];
            support_email?: string | null;
            tags: string[];
            custom_fields: components["schemas"]["CustomFields"];
            /** @description 1 Parent, 2 Child, 3 Tracker, 4 Related. */
            association_type?: number | null;
            associated_tickets_count?: number | null;
            source_additional_info?: {
                [key: string]: unknown;
            } | null;
            structured_description?: {
                [key: string]: unknown;
            } | null;
            attachments?: components["schemas"]["Attachment"][];
            sentiment_score?: number | null;
            initial_sentiment_score?: number | null;
            stats?: components["schemas"]["TicketStats"];
            requester?: components["schemas"]["TicketRequester"];
            company?: components["schemas"]["TicketCompany"];
            /** @description Up to ten conversations, on view with `include=conversations`. */
            conversations?: components["schemas"]["Conversation"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Conversation: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            ticket_id: number;
            /** @description HTML content. */
            body: string;
            body_text: string;
            /** @description True when the conversation came from outside (e.g. a customer email). */
            incoming: boolean;
            /** @description True for private notes. */
            private: boolean;
            /** Format: int64 */
            user_id: number;
            support_email?: string | null;
            source: components["schemas"]["ConversationSource"];
            category?: number | null;
            from_email?: string | null;
            to_emails?: string[] | null;
            cc_emails?: string[] | null;
            bcc_emails?: string[] | null;
            attachments?: components["schemas"]["Attachment"][];
            auto_response?: boolean;
            /** Format: int64 */
            thread_id?: number | null;
            /** Format: int64 */
            thread_message_id?: number | null;
            source_additional_info?: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            last_edited_at?: string | null;
            /** Format: int64 */
            last_edited_user_id?: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Avatar: {
            /** Format: int64 */
            id: number;
            name?: string;
            content_type?: string;
            size?: number;
            avatar_url?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        OtherCompany: {
            /** Format: int64 */
            company_id: number;
            view_all_tickets?: boolean;
        };
        Contact: {
            /** Format: int64 */
            id: number;
            name: string;
            email: string | null;
            phone: string | null;
            mobile: string | null;
            twitter_id?: string | null;
            facebook_id?: string | null;
            unique_external_id?: string | null;
            other_emails?: string[];
            /** Format: int64 */
            company_id: number | null;
            view_all_tickets?: boolean | null;
            other_companies?: components["schemas"]["OtherCompany"][];
            /** @description False until the contact verifies the email address. */
            active: boolean;
            deleted?: boolean;
            address?: string | null;
            avatar?: components["schemas"]["Avatar"] | null;
            description?: string | null;
            job_title?: string | null;
            language?: string;
            time_zone?: string;
            tags?: string[];
            csat_rating?: number | null;
            preferred_source?: string | null;
            custom_fields: components["schemas"]["CustomFields"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Company: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            note: string | null;
            domains: string[];
            health_score?: string | null;
            account_tier?: string | null;
            /** Format: date-time */
            renewal_date?: string | null;
            industry?: string | null;
            custom_fields: components["schemas"]["CustomFields"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        AgentContact: {
            active?: boolean;
            email: string;
            job_title?: string | null;
            language?: string;
            /** Format: date-time */
            last_login_at?: string | null;
            mobile?: string | null;
            name: string;
            phone?: string | null;
            time_zone?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        Agent: {
            /** Format: int64 */
            id: number;
            available: boolean;
            /** Format: date-time */
            available_since?: string | null;
            occasional: boolean;
            signature?: string | null;
            /**
             * @description 1 Global access, 2 Group access, 3 Restricted access.
             * @enum {integer}
             */
            ticket_scope: 1 | 2 | 3;
            /** @description Agent type, e.g. support_agent, field_agent, collaborator. */
            type?: string;
            group_ids?: number[];
            role_ids?: number[];
            skill_ids?: number[];
            focus_mode?: boolean;
            /** Format: date-time */
            last_active_at?: string | null;
            deactivated?: boolean;
            contact: components["schemas"]["AgentContact"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Group: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            /** Format: int64 */
            escalate_to?: number | null;
            unassigned_for?: string | null;
            /** Format: int64 */
            business_hour_id?: number | null;
            group_type?: string;
            auto_ticket_assign?: number | null;
            agent_ids?: number[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Role: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            default: boolean;
            agent_type?: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Skill: {
            /** Format: int64 */
            id: number;
            name: string;
            rank?: number;
            match_type?: string;
            conditions?: {
                [key: string]: unknown;
            }[];
            agents?: {
                /** Format: int64 */
                id?: number;
                /** Format: int64 */
                profile_id?: number | null;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Product: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            primary_email?: string | null;
            default?: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        BusinessHour: {
            /** Format: int64 */
            id: number;
            name: string;
            description?: string | null;
            is_default: boolean;
            time_zone: string;
            /** @description Working hours keyed by weekday (monday ... sunday). */
            business_hours?: {
                [key: string]: {
                    start_time?: string;
                    end_time?: string;
                };
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SlaTarget: {
            /** @description Seconds. */
            respond_within?: number;
            /** @description Seconds. */
            resolve_within?: number;
            next_respond_within?: number | null;
            business_hours?: boolean;
            escalation_enabled?: boolean;
        };
        SlaPolicy: {
            /** Format: int64 */
            id: number;
            name: string;
            description?: string | null;
            active: boolean;
            is_default: boolean;
            position: number;
            /** @description Conditions: company_ids, group_ids, sources, ticket_types, product_ids. */
            applicable_to?: {
                [key: string]: unknown;
            } | null;
            /** @description Targets keyed by priority_1 ... priority_4. */
            sla_target?: {
                [key: string]: components["schemas"]["SlaTarget"];
            };
            escalation?: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        EmailConfig: {
            /** Format: int64 */
            id: number;
            name: string;
            /** Format: int64 */
            product_id?: number | null;
            /** Format: int64 */
            group_id?: number | null;
            to_email: string;
            reply_email: string;
            primary_role: boolean;
            active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        EmailMailbox: {
            /** Format: int64 */
            id: number;
            name: string;
            support_email: string;
            /** Format: int64 */
            group_id?: number | null;
            /** Format: int64 */
            product_id?: number | null;
            default_reply_email?: boolean;
            active: boolean;
            /** @description freshdesk_mailbox or custom_mailbox. */
            mailbox_type: string;
            freshdesk_mailbox?: {
                [key: string]: unknown;
            } | null;
            custom_mailbox?: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Choices of a dropdown or nested field: a list, or an object for nested and status fields. */
        FieldChoice: unknown[] | {
            [key: string]: unknown;
        };
        TicketField: {
            /** Format: int64 */
            id: number;
            name: string;
            label: string;
            description?: string | null;
            position: number;
            /** @description e.g. default_subject, default_status, custom_text, custom_dropdown, nested_field. */
            type: string;
            default: boolean;
            required_for_closure?: boolean;
            required_for_agents?: boolean;
            required_for_customers?: boolean;
            customers_can_edit?: boolean;
            label_for_customers?: string | null;
            displayed_to_customers?: boolean;
            portal_cc?: boolean;
            portal_cc_to?: string | null;
            choices?: components["schemas"]["FieldChoice"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ContactField: {
            /** Format: int64 */
            id: number;
            name: string;
            label: string;
            position: number;
            type: string;
            default: boolean;
            customers_can_edit?: boolean;
            label_for_customers?: string | null;
            required_for_customers?: boolean;
            displayed_for_customers?: boolean;
            required_for_agents?: boolean;
            editable_in_signup?: boolean;
            choices?: components["schemas"]["FieldChoice"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CompanyField: {
            /** Format: int64 */
            id: number;
            name: string;
            label: string;
            position: number;
            type: string;
            default: boolean;
            required_for_agent?: boolean;
            choices?: components["schemas"]["FieldChoice"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SatisfactionRating: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            survey_id: number;
            /** Format: int64 */
            user_id: number;
            /** Format: int64 */
            agent_id?: number | null;
            /** Format: int64 */
            group_id?: number | null;
            /** Format: int64 */
            ticket_id: number;
            feedback?: string | null;
            /** @description Answers keyed by question: default_question plus question_<id>. Classic scale 103 Extremely happy ... -103 Extremely unhappy. */
            ratings: {
                [key: string]: number;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Survey: {
            /** Format: int64 */
            id: number;
            title: string;
            active: boolean;
            questions?: {
                id: string;
                label: string;
                accepted_ratings?: number[];
                default?: boolean;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        TimeEntry: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            ticket_id: number;
            /** Format: int64 */
            agent_id: number;
            billable: boolean;
            note?: string | null;
            /** @description Duration as "hh:mm". */
            time_spent: string;
            timer_running: boolean;
            /** Format: date-time */
            executed_at: string;
            /** Format: date-time */
            start_time?: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CannedResponseFolder: {
            /** Format: int64 */
            id: number;
            name: string;
            personal: boolean;
            responses_count: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CannedResponse: {
            /** Format: int64 */
            id: number;
            title: string;
            /** Format: int64 */
            folder_id: number;
            content?: string | null;
            content_html?: string | null;
            attachments?: components["schemas"]["Attachment"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SolutionCategory: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            visible_in_portals?: number[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SolutionFolder: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            /** Format: int64 */
            category_id?: number | null;
            /** Format: int64 */
            parent_folder_id?: number | null;
            /** @description 1 All users, 2 Logged-in users, 3 Agents, 4 Selected companies, 5 Bots, 6 Selected contact segments, 7 Selected company segments. */
            visibility: number;
            company_ids?: number[];
            articles_count?: number | null;
            sub_folders_count?: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SolutionArticle: {
            /** Format: int64 */
            id: number;
            title: string;
            /** @description HTML content. */
            description?: string | null;
            description_text?: string | null;
            /**
             * @description 1 Draft, 2 Published.
             * @enum {integer}
             */
            status: 1 | 2;
            /**
             * @description 1 Permanent, 2 Workaround.
             * @enum {integer}
             */
            type?: 1 | 2;
            /** Format: int64 */
            category_id: number;
            /** Format: int64 */
            folder_id: number;
            /** Format: int64 */
            agent_id?: number | null;
            hits?: number;
            thumbs_up?: number;
            thumbs_down?: number;
            feedback_count?: number | null;
            tags?: string[];
            seo_data?: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        DiscussionCategory: {
            /** Format: int64 */
            id: number;
            name: string;
            description: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Forum: {
            /** Format: int64 */
            id: number;
            name: string;
            description?: string | null;
            position?: number;
            /** Format: int64 */
            forum_category_id: number;
            /**
             * @description 1 Questions, 2 Ideas, 3 Problems, 4 Announcements.
             * @enum {integer}
             */
            forum_type: 1 | 2 | 3 | 4;
            /**
             * @description 1 All users, 2 Logged-in users, 3 Agents, 4 Selected companies.
             * @enum {integer}
             */
            forum_visibility: 1 | 2 | 3 | 4;
            company_ids?: number[];
            topics_count: number;
            posts_count: number;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        Topic: {
            /** Format: int64 */
            id: number;
            title: string;
            /** Format: int64 */
            forum_id: number;
            /** Format: int64 */
            user_id: number;
            locked: boolean;
            published: boolean;
            sticky: boolean;
            stamp_type?: number | null;
            /** Format: int64 */
            merged_topic_id?: number | null;
            /** Format: int64 */
            replied_by?: number | null;
            /** Format: date-time */
            replied_at?: string | null;
            hits?: number;
            posts_count?: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Comment: {
            /** Format: int64 */
            id: number;
            /** @description HTML content. */
            body: string;
            body_text?: string;
            /** Format: int64 */
            topic_id: number;
            /** Format: int64 */
            forum_id?: number;
            /** Format: int64 */
            user_id: number;
            answer?: boolean;
            published?: boolean;
            spam?: boolean | null;
            trash?: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ScenarioAutomation: {
            /** Format: int64 */
            id: number;
            name: string;
            description?: string | null;
            private?: boolean;
            actions: {
                name: string;
                value?: unknown;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        HelpdeskSettings: {
            primary_language: string;
            supported_languages: string[];
            portal_languages: string[];
            help_widget_languages?: string[];
        };
        Watchers: {
            watcher_ids: number[];
        };
        TicketSearchResult: {
            /** @description Matches in total; only the first 300 can be paged through. */
            total: number;
            results: components["schemas"]["Ticket"][];
        };
        ContactSearchResult: {
            total: number;
            results: components["schemas"]["Contact"][];
        };
        CompanySearchResult: {
            total: number;
            results: components["schemas"]["Company"][];
        };
        /** @description One of requester_id, email, phone, facebook_id, twitter_id or unique_external_id identifies the requester. */
        TicketCreate: {
            name?: string;
            /** Format: int64 */
            requester_id?: number;
            email?: string;
            facebook_id?: string;
            phone?: string;
            twitter_id?: string;
            unique_external_id?: string;
            subject?: string;
            type?: string;
            status?: components["schemas"]["TicketStatus"];
            priority?: components["schemas"]["TicketPriority"];
            source?: components["schemas"]["TicketSource"];
            /** @description HTML content. */
            description?: string;
            /** Format: int64 */
            responder_id?: number;
            /** Format: int64 */
            group_id?: number;
            /** Format: int64 */
            company_id?: number;
            /** Format: int64 */
            product_id?: number;
            /** Format: int64 */
            email_config_id?: number;
            /** Format: int64 */
            parent_id?: number;
            cc_emails?: string[];
            tags?: string[];
            /** Format: date-time */
            due_by?: string;
            /** Format: date-time */
            fr_due_by?: string;
            custom_fields?: components["schemas"]["CustomFields"];
        };
        TicketUpdate: {
            name?: string;
            /** Format: int64 */
            requester_id?: number;
            email?: string;
            phone?: string;
            subject?: string;
            type?: string;
            status?: components["schemas"]["TicketStatus"];
            priority?: components["schemas"]["TicketPriority"];
            source?: components["schemas"]["TicketSource"];
            description?: string;
            /** Format: int64 */
            responder_id?: number | null;
            /** Format: int64 */
            group_id?: number | null;
            /** Format: int64 */
            company_id?: number | null;
            /** Format: int64 */
            product_id?: number | null;
            /** Format: int64 */
            email_config_id?: number | null;
            /** Format: int64 */
            parent_id?: number;
            tags?: string[];
            /** Format: date-time */
            due_by?: string;
            /** Format: date-time */
            fr_due_by?: string;
            custom_fields?: components["schemas"]["CustomFields"];
        };
        ReplyCreate: {
            body: string;
            from_email?: string;
            /** Format: int64 */
            user_id?: number;
            cc_emails?: string[];
            bcc_emails?: string[];
        };
        NoteCreate: {
            body: string;
            incoming?: boolean;
            private?: boolean;
            /** Format: int64 */
            user_id?: number;
            notify_emails?: string[];
        };
        ConversationUpdate: {
            body: string;
        };
        TimeEntryCreate: {
            /** Format: int64 */
            agent_id?: number;
            billable?: boolean;
            /** Format: date-time */
            executed_at?: string;
            note?: string;
            /** Format: date-time */
            start_time?: string;
            /** @description "hh:mm". */
            time_spent?: string;
            timer_running?: boolean;
        };
        /** @description One of email, phone, mobile, twitter_id or unique_external_id is also required. */
        ContactCreate: {
            name: string;
            email?: string;
            phone?: string;
            mobile?: string;
            twitter_id?: string;
            unique_external_id?: string;
            other_emails?: string[];
            /** Format: int64 */
            company_id?: number;
            view_all_tickets?: boolean;
            other_companies?: components["schemas"]["OtherCompany"][];
            address?: string;
            description?: string;
            job_title?: string;
            language?: string;
            time_zone?: string;
            tags?: string[];
            custom_fields?: components["schemas"]["CustomFields"];
        };
        ContactUpdate: {
            name?: string;
            email?: string;
            phone?: string;
            mobile?: string;
            twitter_id?: string;
            unique_external_id?: string;
            other_emails?: string[];
            /** Format: int64 */
            company_id?: number | null;
            view_all_tickets?: boolean;
            other_companies?: components["schemas"]["OtherCompany"][];
            address?: string;
            description?: string;
            job_title?: string;
            language?: string;
            time_zone?: string;
            tags?: string[];
            custom_fields?: components["schemas"]["CustomFields"];
        };
        MakeAgent: {
            occasional?: boolean;
            signature?: string;
            /** @enum {integer} */
            ticket_scope?: 1 | 2 | 3;
            group_ids?: number[];
            role_ids?: number[];
            skill_ids?: number[];
            type?: string;
            focus_mode?: boolean;
        };
        CompanyCreate: {
            name: string;
            description?: string;
            note?: string;
            domains?: string[];
            health_score?: string;
            account_tier?: string;
            /** Format: date-time */
            renewal_date?: string;
            industry?: string;
            custom_fields?: components["schemas"]["CustomFields"];
        };
        CompanyUpdate: {
            name?: string;
            description?: string;
            note?: string;
            domains?: string[];
            health_score?: string;
            account_tier?: string;
            /** Format: date-time */
            renewal_date?: string;
            industry?: string;
            custom_fields?: components["schemas"]["CustomFields"];
        };
    };
    responses: {
        /** @description Validation failed: bad parameters or body. */
        BadRequest: {
            headers: {
                "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description Authentication failed: missing or wrong API key. */
        Unauthorized: {
            headers: {
                "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API key has no permission for this action, or the plan lacks the feature. */
        Forbidden: {
            headers: {
                "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Conflicts with an existing resource, e.g. a duplicate email. */
        Conflict: {
            headers: {
                "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description The per-minute rate limit is exhausted; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Freshdesk failed or is unavailable (500, 502, 503, 504); idempotent requests may be retried with backoff. A gateway in front of Freshdesk may answer without the JSON body and without the rate-limit headers, so both are optional here. */
        ServerError: {
            headers: {
                /** @description Seconds to wait before retrying, when the server says so. */
                "Retry-After"?: number;
                /** @description Requests per minute allowed, when Freshdesk itself answered. */
                "X-RateLimit-Total"?: number;
                /** @description Requests left in the current minute, when Freshdesk itself answered. */
                "X-RateLimit-Remaining"?: number;
                /** @description Credits this request used, when Freshdesk itself answered. */
                "X-RateLimit-Used-CurrentRequest"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Id of the resource. */
        id: number;
        /** @description Page number, from 1. */
        page: number;
        /** @description Items per page, at most 100. */
        per_page: number;
        /** @description Query in double quotes, e.g. `"priority:3 AND status:2"`. */
        search_query: string;
        /** @description Page number, 1 to 10; 30 results per page. */
        search_page: number;
    };
    requestBodies: never;
    headers: {
        /** @description RFC 8288 link to the next page, e.g. `<https://acme.freshdesk.com/api/v2/tickets?page=2&per_page=100>; rel="next"`. Absent on the last page. */
        Link: string;
        /** @description Requests per minute allowed for the account (or for this endpoint family). Freshdesk sends it on every answer it produces. */
        "X-RateLimit-Total": number;
        /** @description Requests left in the current minute. Freshdesk sends it on every answer it produces. */
        "X-RateLimit-Remaining": number;
        /** @description Credits this request used (1, plus 2 for each `include`). Freshdesk sends it on every answer it produces. */
        "X-RateLimit-Used-CurrentRequest": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTickets: {
        parameters: {
            query?: {
                /** @description Predefined filter. Deleted and spam tickets are only listed with `deleted` / `spam`. */
                filter?: "new_and_my_open" | "watching" | "spam" | "deleted";
                /** @description Tickets of this requester. */
                requester_id?: number;
                /** @description Tickets of the requester with this email. */
                email?: string;
                /** @description Tickets of the requester with this external id. */
                unique_external_id?: string;
                /** @description Tickets of this company. */
                company_id?: number;
                /** @description Tickets updated at or after this time. Without it only tickets created in the last 30 days are listed. */
                updated_since?: string;
                /** @description Sort field. */
                order_by?: "created_at" | "due_by" | "updated_at" | "status";
                /** @description Sort direction. */
                order_type?: "asc" | "desc";
                /** @description Embed extra data; each costs 2 extra API credits. Sent comma separated. */
                include?: ("stats" | "requester" | "description" | "company")[];
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getTicket: {
        parameters: {
            query?: {
                /** @description Embed extra data; each costs extra API credits. Sent comma separated. */
                include?: ("conversations" | "requester" | "company" | "stats")[];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    restoreTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTicketConversations: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    replyToTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createTicketNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTicketTimeEntries: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createTicketTimeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTicketSatisfactionRatings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SatisfactionRating"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTicketWatchers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchers"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    watchTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    unwatchTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getArchivedTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listArchivedTicketConversations: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description Contacts with this email. */
                email?: string;
                /** @description Contacts with this mobile number. */
                mobile?: string;
                /** @description Contacts with this phone number. */
                phone?: string;
                /** @description Contacts of this company. */
                company_id?: number;
                /** @description Contacts in this state. */
                state?: "blocked" | "deleted" | "unverified" | "verified";
                /** @description Contacts updated at or after this time. */
                _updated_since?: string;
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    hardDeleteContact: {
        parameters: {
            query?: {
                /** @description Hard delete a contact that was not soft deleted first. */
                force?: boolean;
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    restoreContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    makeContactAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MakeAgent"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listContactFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactField"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCompanies: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createCompany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCompanyFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyField"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /** @description Agents with this email. */
                email?: string;
                /** @description Agents with this mobile number. */
                mobile?: string;
                /** @description Agents with this phone number. */
                phone?: string;
                /** @description Full-time or occasional agents. */
                state?: "fulltime" | "occasional";
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCurrentAgent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listGroups: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSkills: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Skill"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSkill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Skill"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listBusinessHours: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessHour"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getBusinessHour: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessHour"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSlaPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listEmailConfigs: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailConfig"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getEmailConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailConfig"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listEmailMailboxes: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailMailbox"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getEmailMailbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailMailbox"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTicketFields: {
        parameters: {
            query?: {
                /** @description Only fields of this type, e.g. default_status. */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketField"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getTicketField: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketField"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSatisfactionRatings: {
        parameters: {
            query?: {
                /** @description Ratings created at or after this time. Without it only the last 30 days are listed. */
                created_since?: string;
                /** @description Ratings given by this contact. */
                user_id?: number;
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SatisfactionRating"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSurveys: {
        parameters: {
            query?: {
                /** @description Only the active survey. */
                state?: "active";
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Survey"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTimeEntries: {
        parameters: {
            query?: {
                /** @description Time entries of tickets of this company. */
                company_id?: number;
                /** @description Time entries of this agent. */
                agent_id?: number;
                /** @description Executed at or after this time. */
                executed_after?: string;
                /** @description Executed before this time. */
                executed_before?: string;
                /** @description Only billable (true) or non-billable (false) entries. */
                billable?: boolean;
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateTimeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryCreate"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteTimeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCannedResponseFolders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All items. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedResponseFolder"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCannedResponses: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedResponse"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCannedResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSolutionCategories: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionCategory"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSolutionCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionCategory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSolutionFolders: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionFolder"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSolutionFolder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionFolder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSolutionArticles: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionArticle"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSolutionArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SolutionArticle"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listDiscussionCategories: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscussionCategory"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getDiscussionCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscussionCategory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listForums: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forum"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getForum: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forum"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listTopics: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Topic"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Topic"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listComments: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path: {
                /** @description Id of the resource. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listScenarioAutomations: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["page"];
                /** @description Items per page, at most 100. */
                per_page?: components["parameters"]["per_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. The `Link` header points at the next page and is absent on the last one. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioAutomation"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getHelpdeskSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HelpdeskSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    searchTickets: {
        parameters: {
            query: {
                /** @description Query in double quotes, e.g. `"priority:3 AND status:2"`. */
                query: components["parameters"]["search_query"];
                /** @description Page number, 1 to 10; 30 results per page. */
                page?: components["parameters"]["search_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSearchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    searchContacts: {
        parameters: {
            query: {
                /** @description Query in double quotes, e.g. `"priority:3 AND status:2"`. */
                query: components["parameters"]["search_query"];
                /** @description Page number, 1 to 10; 30 results per page. */
                page?: components["parameters"]["search_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactSearchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    searchCompanies: {
        parameters: {
            query: {
                /** @description Query in double quotes, e.g. `"priority:3 AND status:2"`. */
                query: components["parameters"]["search_query"];
                /** @description Page number, 1 to 10; 30 results per page. */
                page?: components["parameters"]["search_page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of results. */
            200: {
                headers: {
                    "X-RateLimit-Total": components["headers"]["X-RateLimit-Total"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Used-CurrentRequest": components["headers"]["X-RateLimit-Used-CurrentRequest"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanySearchResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
