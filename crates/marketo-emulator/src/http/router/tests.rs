use super::*;

fn name(method: &str, path: &str) -> Option<&'static str> {
    match find(method, path) {
        Found::Route(r, _) => Some(r.name),
        _ => None,
    }
}

#[test]
fn table() {
    assert_eq!(name("GET", "/rest/v1/lead/42.json"), Some("Get Lead by Id"));
    assert!(matches!(
        find("GET", "/rest/v1/lead/4x.json"),
        Found::NotFound
    ));
    assert!(matches!(
        find("GET", "/rest/v1/lead/.json"),
        Found::NotFound
    ));
    assert!(matches!(
        find("GET", "/rest/v1/lead/99999999999999999999.json"),
        Found::NotFound
    ));
    assert!(matches!(find("GET", "/rest/v1/leads"), Found::NotFound));
    assert!(matches!(
        find("PUT", "/rest/v1/leads.json"),
        Found::MethodNotAllowed
    ));
    let Found::Route(r, p) = find("GET", "/rest/v1/lists/7/leads/ismember.json") else {
        panic!()
    };
    assert_eq!(p.int("listId"), 7);
    assert!(!r.writes);
    let Found::Route(r, _) = find("DELETE", "/rest/v1/lists/7/leads.json") else {
        panic!()
    };
    assert!(r.writes && r.records);
}

#[test]
fn bulk_and_activity_table() {
    let id = "3fadb012-5810-40ba-a5ca-56300ecf10d4";
    let Found::Route(r, p) = find("GET", &format!("/bulk/v1/leads/export/{id}/file.json")) else {
        panic!()
    };
    assert_eq!(p.text("exportId"), id);
    assert!(!r.writes);
    assert!(matches!(
        find("GET", "/bulk/v1/activities/export/nope/status.json"),
        Found::Route(..)
    ));
    assert!(matches!(
        find("POST", "/bulk/v1/nothing/export/create.json"),
        Found::NotFound
    ));
    let Found::Route(r, p) = find("GET", "/bulk/v1/leads/batch/1002/failures.json") else {
        panic!()
    };
    assert_eq!(p.int("batchId"), 1002);
    assert!(!r.bulk_body);
    assert!(matches!(
        find("GET", &format!("/bulk/v1/leads/export/{id}/enqueue.json")),
        Found::MethodNotAllowed
    ));
    let Found::Route(r, _) = find("POST", "/bulk/v1/leads.json") else {
        panic!()
    };
    assert_eq!(r.body, BodyKind::Multipart);
    assert!(r.writes && r.bulk_body);
}

#[test]
fn every_route_is_found_by_its_sample_path_and_no_two_collide() {
    let mut seen = std::collections::HashSet::new();
    for route in crate::resources::routes() {
        assert!(
            seen.insert((route.verb, route.path)),
            "declared twice: {} {}",
            route.verb.as_str(),
            route.path
        );
        match find(route.verb.as_str(), &route.sample_path()) {
            Found::Route(r, _) => assert_eq!(r.path, route.path, "{}", route.sample_path()),
            other => panic!("{} {}: {other:?}", route.verb.as_str(), route.path),
        }
    }
}
