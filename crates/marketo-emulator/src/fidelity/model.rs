//! Codes produced by the emulator's domain model (leads, lists, fields).

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        712 => {
            "naturally: with `[crm] native_sync`, Merge Leads of a lead seeded as a CRM person account \
             (`\"_crm\":{\"type\":\"personAccount\"}`) (test: merge::code_712_merge_of_a_crm_person_account)"
        }
        714 => {
            "naturally: [INF, the cause is inferred] Merge Leads with mergeInCRM=true when `[crm] default_record_type = false` \
             (test: merge::code_714_merge_in_crm_without_a_default_record_type)"
        }
        1076 => {
            "naturally: [INF, the cause is inferred] Merge Leads with mergeInCRM=true naming a lead the CRM does not have \
             (seeded without `_crm`), which would create a CRM record (test: \
             merge::code_1076_merge_in_crm_of_a_lead_the_crm_does_not_have)"
        }
        1077 => {
            "naturally: [INF, the cause is inferred] Merge Leads with mergeInCRM=true whose merged value is longer than its \
             CRM field (`[crm] field_lengths`); the message names the field (test: \
             merge::code_1077_merge_in_crm_with_a_value_too_long_for_the_crm_field)"
        }
        1078 => {
            "naturally: Merge Leads with mergeInCRM=true naming a lead seeded as deleted in the CRM \
             (`\"_crm\":{\"deleted\":true}`) (test: merge::code_1078_merge_in_crm_of_a_record_deleted_in_the_crm)"
        }
        1079 => {
            "naturally: Merge Leads of leads of which more than one has a personalized URL (seeded `_purl`) \
             (test: merge::code_1079_personalized_url_conflict)"
        }
        1080 => {
            "naturally: Merge Leads with more than 25 losing leadIds; answered in `errors`, the call skipped \
             (test: merge::code_1080_too_many_lead_ids_in_merge_leads)"
        }
        1003 => {
            "naturally: a Sync Leads value that does not fit its field's type (\"Invalid value for field 'x'\"), \
             `id` with an action other than updateOnly (\"Invalid data\"), or more than 1,000 leads matching a \
             filter (response level, \"Too many results match the filter\") (tests: \
             leads::code_1003_invalid_value_for_field, leads::code_1003_invalid_email, \
             leads::code_1003_id_with_create_only, leads::code_1003_too_many_results_match_the_filter); a bulk \
             import file without data rows (\"Empty file\"), a bulk export date range over 31 days (tests: \
             bulk_import::code_1003_empty_file, bulk_extract::code_1003_date_range_over_31_days); Request \
             Campaign on a batch campaign (\"Invalid data\") (test: \
             campaigns::code_1003_request_campaign_on_a_batch_campaign)"
        }
        1004 => {
            "naturally: updateOnly finds no lead; Delete Leads, list add and is-member name an unknown lead \
             (tests: leads::code_1004_update_only_lead_not_found, leads::code_1004_delete_unknown_lead, \
             lists::code_1004_add_unknown_lead, lists::code_1004_is_member_unknown_lead)"
        }
        1005 => {
            "naturally: createOnly finds a lead with the lookup value (test: \
             leads::code_1005_create_only_lead_exists)"
        }
        1006 => {
            "naturally: a record names an unknown field (record level); an unknown lookupField or `fields` \
             entry (response level) (tests: leads::code_1006_field_not_found, \
             leads::code_1006_lookup_field_not_found, leads::code_1006_unknown_field_requested)"
        }
        1007 => {
            "naturally: several leads (made by createDuplicate) match the lookup value (test: \
             leads::code_1007_multiple_leads_match_the_lookup)"
        }
        1008 => {
            "naturally: partitionName is not a partition, or not one of the API user's partitions (test: \
             leads::code_1008_access_denied_to_partition)"
        }
        1009 => {
            "naturally: no partitionName from an API user who may not use the default partition (test: \
             leads::code_1009_partition_name_must_be_specified)"
        }
        1010 => {
            "naturally: partitionName given and the lead found lives in another partition (test: \
             leads::code_1010_partition_update_not_allowed)"
        }
        1011 => {
            "naturally: a lookupField (record level) or filterType (response level) that is a field but not a \
             searchable one, e.g. firstName (tests: leads::code_1011_lookup_field_not_supported, \
             leads::code_1011_filter_type_not_supported)"
        }
        1012 => {
            "naturally: filterType=cookies with a value that is not a Munchkin cookie (test: \
             leads::code_1012_invalid_cookie_value)"
        }
        1013 => "naturally: a list call names an unknown list (test: lists::code_1013_unknown_list)",
        1015 => {
            "naturally: removing a lead that is not a member of the list (test: \
             lists::code_1015_lead_not_in_list)"
        }
        1021 => {
            "naturally: a Sync Leads record sets a company field on a lead linked to a company \
             (externalCompanyId); the rule and the field set are configurable (test: \
             leads::code_1021_company_update_not_allowed)"
        }
        _ => return None,
    })
}
