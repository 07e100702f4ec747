"""An independent CalDAV client for tests: Debian's python3-caldav reads and edits what Renkei wrote.

Reads one JSON request on stdin (so passwords never show in a process list) and prints one JSON answer:
  {"op": "list", "calendar": URL, "username": ..., "password": ...}
      -> [{"href", "etag", "uid", "ics"}]
  {"op": "put", ..., "ics": TEXT, "href": URL or null}  (null: the library picks <uid>.ics)
      -> {"href"}
  {"op": "delete", ..., "href": URL}
      -> {}
"""

import json
import sys

import caldav
import icalendar


def first_uid(ics):
    for component in icalendar.Calendar.from_ical(ics).walk():
        if component.name in ("VEVENT", "VTODO", "VJOURNAL") and component.get("UID") is not None:
            return str(component.get("UID"))
    return None


def list_objects(calendar):
    # sync-collection without a token, then one GET per object: no REPORT query of Renkei's own kind involved.
    found = []
    for obj in calendar.objects(load_objects=True):
        if obj.data is None:
            continue
        found.append(
            {
                "href": str(obj.url),
                "etag": obj.props.get(caldav.elements.dav.GetEtag.tag),
                "uid": first_uid(obj.data),
                "ics": obj.data,
            }
        )
    return found


def put_object(client, calendar, ics, href):
    event = caldav.Event(client, url=href, data=ics, parent=calendar)
    event.save(increase_seqno=False)
    return {"href": str(event.url)}


def delete_object(client, calendar, href):
    caldav.Event(client, url=href, parent=calendar).delete()
    return {}


def main():
    request = json.load(sys.stdin)
    client = caldav.DAVClient(
        url=request["calendar"], username=request["username"], password=request["password"]
    )
    calendar = client.calendar(url=request["calendar"])
    op = request["op"]
    if op == "list":
        answer = list_objects(calendar)
    elif op == "put":
        answer = put_object(client, calendar, request["ics"], request.get("href"))
    elif op == "delete":
        answer = delete_object(client, calendar, request["href"])
    else:
        raise SystemExit("unknown op " + op)
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
