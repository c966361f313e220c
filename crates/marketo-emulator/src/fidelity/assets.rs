//! Codes produced by the Asset API (folders, programs, tokens, smart campaigns, smart and static lists,
//! snippets).

/// See [`super::production`].
pub(super) fn production(code: u16) -> Option<&'static str> {
    Some(match code {
        702 => {
            "naturally: an asset write (update, delete, clone, approve, activate, token delete) on a folder, \
             program, token, smart campaign, smart list, static list or snippet that does not exist answers \
             \"<Asset> not found\"; asset reads that find nothing answer success:true with the warning \"No \
             assets found for the given search criteria.\" [INF, which calls answer which is inferred] (test: \
             assets_programs::code_702_update_approve_clone_delete_of_a_missing_program)"
        }
        709 => {
            "naturally: deleting a folder that is not empty or a system folder, approving an asset with no draft \
             (an approved Email program or snippet) or a program without its dates, unapproving a draft-only \
             snippet, discarding the draft of a snippet that is not both approved and drafted, deleting an \
             approved snippet, cloning a program holding push notifications, in-app messages, reports or social \
             assets, activating a campaign without a trigger and a flow step, deactivating an inactive one; a \
             used name, a channel that does not fit the program type, tags against the tag types and bad token \
             values [INF] (tests: assets_folders::code_709_delete_a_folder_that_is_not_empty, \
             assets_snippets::code_709_approve_snippet_draft_with_no_draft)"
        }
        710 => {
            "naturally: creating a folder, program, static list, smart campaign, snippet or token, or cloning \
             into a folder or program that does not exist (test: \
             assets_folders::code_710_create_folder_under_a_missing_parent)"
        }
        711 => {
            "naturally: a folder that cannot hold the asset: a folder in a root that holds only workspaces, a \
             program in Design Studio or in a program type that cannot contain it, a campaign, list or token in a \
             Design Studio folder, a snippet outside Design Studio's Snippets folders and programs, a program \
             cloned into a program (test: \
             assets_folders::code_711_create_folder_in_a_root_that_holds_only_workspaces)"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_arm_names_its_test() {
        for code in [702u16, 709, 710, 711] {
            let text = super::production(code).unwrap();
            assert!(
                text.starts_with("naturally:")
                    && (text.contains("(test: assets_") || text.contains("(tests: assets_")),
                "{code}"
            );
        }
        assert!(super::production(719).is_none());
    }
}
