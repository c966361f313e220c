"""marketorestpython's Asset API calls (folders, programs, tokens, channels, tags, static lists, smart lists,
smart campaigns, segmentations and snippets) against `mkto serve`, unmodified: the client sends most parameters in the query string and
some JSON-in-form values as printed Python dicts; the emulator has to read them as Marketo does."""

import json

MA_DEFAULT = 15  # Marketing Activities' Default workspace


def test_folders(mc):
    root = mc.get_folder_by_name("Marketing Activities")
    assert root[0]["folderType"] == "Zone"
    made = mc.create_folder("Py Folder", MA_DEFAULT, "Folder", description="from python")
    fid = made[0]["id"]
    assert made[0]["path"] == "/Marketing Activities/Default/Py Folder"
    assert mc.get_folder_by_id(fid, "Folder")[0]["name"] == "Py Folder"
    names = [f["name"] for f in mc.browse_folders(root=json.dumps({"id": MA_DEFAULT, "type": "Folder"}), maxDepth=1)]
    assert names == ["Default", "Py Folder"]
    updated = mc.update_folder(fid, name="Py Folder 2", isArchive="true")
    assert updated[0]["isArchive"] is True
    child = mc.create_folder("Child", fid, "Folder")
    contents = mc.get_folder_contents(fid, "Folder")
    assert contents == [{"id": child[0]["id"], "type": "Folder"}]
    assert mc.delete_folder(child[0]["id"]) == [{"id": child[0]["id"]}]


def test_programs_and_tokens(mc):
    program = mc.create_program(MA_DEFAULT, "Folder", "Py Program", "Default", "Content", description="d",
                                costs=[{"startDate": "2026-01-01", "cost": 100}])
    pid = program[0]["id"]
    assert mc.get_program_by_id(pid)[0]["name"] == "Py Program"
    assert mc.get_program_by_name("Py Program")[0]["id"] == pid
    assert [p["id"] for p in mc.browse_programs()] == [pid]
    assert mc.update_program(pid, name="Py Program 2")[0]["name"] == "Py Program 2"
    token = mc.create_token(pid, "Program", "text", "City", "Paris")
    assert token[0]["tokens"][0]["value"] == "Paris"
    assert mc.get_tokens(pid, "Program")[0]["tokens"] == [{"name": "City", "type": "text", "value": "Paris"}]
    clone = mc.clone_program(pid, "Py Clone", MA_DEFAULT, "Folder")
    assert mc.get_tokens(clone[0]["id"], "Program")[0]["tokens"][0]["name"] == "City"
    assert mc.delete_tokens(pid, "Program", "City", "text") == [{"id": pid}]
    assert mc.delete_program(clone[0]["id"]) == [{"id": clone[0]["id"]}]


def test_channels_and_tags(mc, mkto):
    assert "Webinar" in [c["name"] for c in mc.get_channels()]
    assert mc.get_channel_by_name("Webinar")[0]["applicableProgramType"] == "webinar"
    mkto.seed({"tagTypes": [{"tagType": "Region", "applicableProgramTypes": "[program]", "required": False}]})
    assert [t["tagType"] for t in mc.get_tags()] == ["Region"]
    assert mc.get_tag_by_name("Region")[0]["required"] is False


def test_static_lists(mc):
    made = mc.create_list("Py List", MA_DEFAULT, "Folder", description="d")
    lid = made[0]["id"]
    assert mc.get_list_by_id(lid)[0]["name"] == "Py List"
    assert mc.get_list_by_name("Py List")[0]["id"] == lid
    assert [l["id"] for l in mc.browse_lists()] == [lid]
    assert mc.update_list(lid, name="Py List 2")[0]["name"] == "Py List 2"
    ids = [r["id"] for r in mc.create_update_leads([{"email": "sl@example.com"}])]
    assert mc.add_leads_to_list(lid, ids)[0]["status"] == "added"
    assert mc.delete_list(lid) == [{"id": lid}]


def test_smart_campaigns_and_smart_lists(mc, mkto):
    mkto.seed({
        "smartCampaigns": [{"name": "Py Trigger", "folder": "/Marketing Activities/Default",
                            "triggers": ["Campaign is Requested"], "flow": ["Send Email"]}],
        "smartLists": [{"name": "Py Smart List", "folder": "/Marketing Activities/Default"}],
    })
    made = mc.create_smart_campaign("Py Batch", MA_DEFAULT, "Folder", description="d")
    assert made[0]["type"] == "batch"
    campaigns = [c for page in mc.get_smart_campaigns() for c in page]
    assert sorted(c["name"] for c in campaigns) == ["Py Batch", "Py Trigger"]
    trigger = [c for c in campaigns if c["name"] == "Py Trigger"][0]["id"]
    assert mc.get_smart_campaign_by_id(trigger)[0]["name"] == "Py Trigger"
    assert mc.activate_smart_campaign(trigger) == [{"id": trigger}]
    assert mc.deactivate_smart_campaign(trigger) == [{"id": trigger}]
    clone = mc.clone_smart_campaign(trigger, MA_DEFAULT, "Folder", "Py Trigger Copy")
    assert clone[0]["type"] == "trigger"
    assert mc.delete_smart_campaign(made[0]["id"]) == [{"id": made[0]["id"]}]
    sl = mc.get_smart_list_by_name("Py Smart List")
    copy = mc.clone_smart_list(sl[0]["id"], "Py Smart List Copy", MA_DEFAULT, "Folder")
    assert mc.get_smart_list_by_id(copy[0]["id"])[0]["name"] == "Py Smart List Copy"
    assert mc.delete_smart_list(copy[0]["id"]) == [{"id": copy[0]["id"]}]


SNIPPETS = 22  # Design Studio's Snippets folder


def test_snippets(mc):
    made = mc.create_snippet("Py Snippet", SNIPPETS, "Folder", description="from python")
    sid = made[0]["id"]
    assert made[0]["status"] == "draft"
    assert made[0]["folder"] == {"type": "Folder", "value": SNIPPETS, "folderName": "Snippets"}
    assert mc.update_snippet_content(sid, "HTML", "<p>Hello & welcome</p>") == [{"id": sid}]
    assert mc.update_snippet_content(sid, "Text", "Hello") == [{"id": sid}]
    assert mc.get_snippet_content(sid) == [{"type": "HTML", "content": "<p>Hello & welcome</p>"},
                                           {"type": "Text", "content": "Hello"}]
    assert mc.approve_snippet(sid)[0]["status"] == "approved"
    assert mc.update_snippet_content(sid, "HTML", "<p>v2</p>") == [{"id": sid}]
    assert mc.get_snippet_content(sid, status="approved")[0]["content"] == "<p>Hello & welcome</p>"
    assert mc.get_snippet_by_id(sid, status="draft")[0]["status"] == "draft"
    assert [s["status"] for s in mc.get_snippets(status="draft")] == ["draft"]
    assert mc.discard_snippet_draft(sid) == [{"id": sid}]
    assert mc.update_snippet(sid, name="Py Snippet 2")[0]["name"] == "Py Snippet 2"
    clone = mc.clone_snippet(sid, "Py Snippet Copy", SNIPPETS, "Folder", description="copy")
    assert mc.get_snippet_content(clone[0]["id"], status="draft")[0]["content"] == "<p>Hello & welcome</p>"
    assert [s["name"] for s in mc.get_snippets()] == ["Py Snippet 2", "Py Snippet Copy"]
    assert mc.unapprove_snippet(sid)[0]["status"] == "draft"
    assert mc.delete_snippet(sid) == [{"id": sid}]
    assert mc.delete_snippet(clone[0]["id"]) == [{"id": clone[0]["id"]}]


def test_snippet_dynamic_content_and_segments(mc, mkto):
    mkto.seed({"segmentations": [{"name": "Py Region", "segments": ["EMEA", "APAC"]}]})
    seg = mc.get_segmentations(status="approved")[0]["id"]
    segments = mc.get_segments(seg)
    assert [s["name"] for s in segments] == ["EMEA", "APAC", "Default"]
    sid = mc.create_snippet("Py Banner", SNIPPETS, "Folder")[0]["id"]
    assert mc.update_snippet_content(sid, "DynamicContent", seg) == [{"id": sid}]
    emea = segments[0]["id"]
    assert mc.update_snippet_dynamic_content(sid, emea, value="<p>Hallo</p>", type="HTML") == [{"id": sid}]
    dynamic = mc.get_snippet_dynamic_content(sid)[0]
    assert dynamic["segmentation"] == seg
    assert dynamic["content"][0]["segmentId"] == emea
    assert dynamic["content"][0]["content"] == "<p>Hallo</p>"
