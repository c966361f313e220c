//! Codes produced by the Lead Database object types on the generic engine (companies, opportunities and
//! their roles, sales persons, named accounts and their lists, custom objects and their metadata API).

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        616 => {
            "naturally: [INF, the cause is inferred] the custom object metadata API (schema, describe, field data \
             types) on a subscription configured with `[custom_objects] metadata_api = false`, while the records \
             of declared types still work (test: \
             custom_object_types::code_616_without_the_metadata_api_while_declared_types_work)"
        }
        718 => {
            "naturally: Sync Opportunities naming an `externalSalesPersonId` that no sales person has; the whole \
             call fails and nothing of it is applied (test: \
             opportunities::code_718_unknown_external_sales_person_fails_the_whole_call)"
        }
        1017 => {
            "naturally: createOnly of an object whose dedupe key already exists (test: \
             companies::code_1017_create_only_on_an_existing_company)"
        }
        1018 => {
            "naturally: with `[crm] native_sync`, a sync or delete of a CRM-owned type (companies, \
             opportunities, roles, sales persons) (test: \
             company_links::code_1018_crm_owned_types_are_read_only_under_native_crm_sync)"
        }
        1022 => {
            "naturally: deleting a company that leads link to, a sales person an opportunity names, or an \
             opportunity that has roles (tests: company_links::code_1022_a_company_leads_link_to_cannot_be_deleted, \
             sales_persons::code_1022_a_sales_person_in_use_cannot_be_deleted, \
             opportunities::code_1022_an_opportunity_with_roles_cannot_be_deleted)"
        }
        1026 => {
            "naturally: [INF, the cause is inferred] any custom object call on a subscription configured with \
             `[custom_objects] enabled = false` (test: custom_object_types::code_1026_custom_objects_not_enabled)"
        }
        1036 => {
            "naturally: the same dedupe key twice in one sync; the later records are skipped (test: \
             companies::code_1036_the_same_company_twice_in_one_call)"
        }
        1048 => {
            "naturally: Discard Custom Object Type Draft of a type that has no draft (test: \
             custom_object_types::code_1048_discard_custom_object_type_draft_without_a_draft)"
        }
        _ => return None,
    })
}
