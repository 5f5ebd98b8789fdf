#!/usr/bin/env python3
"""Runs the conformance scenarios against jrr or against another system's API.

    run.py --jrr build/dev/app/jrr [--out results.json]          jrr's own run (make test)
    run.py --base-url URL --adapter my-system.yaml [--out …]      a vendor's system
    run.py … --only JK-4.1.2.1 --verbose                          a few scenarios, every request

A scenario file (scenarios/JK-<section>.yaml) holds scenarios. Each names the requirement rows it
proves (`covers`), the fixtures its register starts from (`given`, fixtures/<name>.yaml: requests
like any other) and its `steps`: a request as a role, what must come back (status, JSON fields,
rule id, text of the page or of the PDF) and values to keep for later steps (`save`, used as
${name}). A day that must lie ahead of or behind the day of the run is written from it:
${today+13}, ${today-250+1y-1}, ${today+13:wareki} (see lookup), so that no scenario depends on
when it runs. docs/conformance-kit.md describes the format and the adapter file.

Every scenario starts from an empty register: with --jrr the runner makes a fresh register for
each (a copy of one prepared with the staff accounts) and serves it on a loopback port; against a
base URL the adapter's `reset` command (if any) is run first.

The result file lists each scenario with pass/fail and why; scripts/conformance.py turns it and
the catalog (docs/requirements/jumin/) into the report. Exit status: 0 all passed, 1 a scenario
failed, 2 the scenarios or the adapter are malformed, 3 the system under test could not be
started.
"""
import argparse
import base64
import datetime
import glob
import hashlib
import hmac
import html
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zoneinfo
from html.parser import HTMLParser

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# The staff of jrr's prepared register: one account per role a scenario may act as (the demo
# roles of scripts/demo-staff, plus a viewer without the items that need their own permission).
JRR_ROLES = {
    "admin": "admin",
    "clerk": "view,change,issue,see_domicile,see_resident_record_code,see_residence_status",
    "number_clerk": "view,change,issue,see_domicile,see_resident_record_code,"
                    "see_residence_status,see_individual_number,code_assignment",
    "approver": "view,approve,see_domicile,see_residence_status",
    "officer": "view,support_measure,block,release,see_domicile",
    "auditor": "audit",
    "sysadmin": "user_admin,settings",
    "viewer": "view",
}


class Malformed(Exception):
    """A scenario, fixture or adapter that cannot be run as written."""


class StepFailed(Exception):
    """What the system answered differs from what the scenario expects."""


class Skipped(Exception):
    """The scenario needs something this system does not offer (jrr's command line)."""


# ---------------------------------------------------------------------------------------------
# HTTP and texts


class Reply:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self._json = None

    @property
    def content_type(self):
        return self.headers.get("content-type", "")

    def json(self):
        if self._json is None:
            try:
                self._json = json.loads(self.body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                raise StepFailed(f"the answer is not JSON ({self.content_type}): "
                                 f"{self.body[:200]!r}")
        return self._json

    def preview(self, n=300):
        if self.content_type.startswith("application/pdf"):
            return f"<a PDF of {len(self.body)} bytes>"
        return self.body[:n].decode("utf-8", "replace")

    def fields(self):
        """{name: value} of a page's form fields: inputs, text areas, chosen options."""
        collector = FormFields()
        collector.feed(self.body.decode("utf-8", "replace"))
        return collector.values

    def text(self):
        """What a person reads: a PDF's text, a page's text without tags, or the body."""
        if self.content_type.startswith("application/pdf"):
            with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
                pdf.write(self.body)
                pdf.flush()
                done = subprocess.run(["pdftotext", "-layout", pdf.name, "-"],
                                      capture_output=True, check=False)
                return done.stdout.decode("utf-8", "replace")
        body = self.body.decode("utf-8", "replace")
        if self.content_type.startswith("text/html"):
            body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S | re.I)
            body = re.sub(r"<[^>]+>", " ", body)
            body = html.unescape(body)
        return body


class FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.values.setdefault(a["name"], a.get("value") or "")
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.values.setdefault(self._textarea, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def http(method, url, headers, body, timeout=60):
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Reply(answer.status, {k.lower(): v for k, v in answer.headers.items()},
                         answer.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


def totp(base32_secret, step):
    key = base64.b32decode(base32_secret + "=" * (-len(base32_secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Systems under test


class JrrSystem:
    """jrr itself: a prepared register copied for every scenario and served on loopback."""

    def __init__(self, jrr, work, cache=None):
        self.jrr, self.work, self.cache = os.path.abspath(jrr), work, cache
        self.template = os.path.join(work, "template.db")
        self.staff = {}  # role → {password, secret, token}
        self.server = None
        self.base_url = None
        self.sessions = {}
        self.last_step = {}

    def cli(self, db, *args, stdin=None):
        done = subprocess.run([self.jrr, args[0], "--db", db, *args[1:]], input=stdin,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"jrr {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def prepare(self):
        # Preparing the staff costs a few seconds of Argon2id; --cache keeps the prepared register
        # of this very program between runs of one day (a different build prepares again, and so
        # does the next day: the API tokens expire and the codes taken are steps of the clock).
        stamp = f"{self.jrr}:{os.stat(self.jrr).st_mtime_ns}:{today_in_japan().isoformat()}"
        if self.cache:
            saved = os.path.join(self.cache, "staff.json")
            if os.path.exists(saved):
                with open(saved, encoding="utf-8") as f:
                    kept = json.load(f)
                if kept.get("stamp") == stamp:
                    shutil.copy(os.path.join(self.cache, "template.db"), self.template)
                    self.staff = kept["staff"]
                    self.template_steps = {k: v for k, v in kept["steps"].items()}
                    return
        self.prepare_staff()
        if self.cache:
            os.makedirs(self.cache, exist_ok=True)
            shutil.copy(self.template, os.path.join(self.cache, "template.db"))
            with open(os.path.join(self.cache, "staff.json"), "w", encoding="utf-8") as f:
                json.dump({"stamp": stamp, "staff": self.staff, "steps": self.template_steps}, f)

    def prepare_staff(self):
        db = self.template
        self.cli(db, "init", "--municipality-code", "990001", "--name", "架空市")
        self.cli(db, "settings", "add-certifier", "--role", "mayor", "--title", "架空市長",
                 "--name", "架空　太郎", "--from", "2020-04-01")
        for role, permissions in JRR_ROLES.items():
            user = f"conf-{role}"
            if permissions == "admin":
                added = self.cli(db, "user", "add", "--admin", "--id", user, "--name",
                                 f"適合 {role}")
                initial = re.search(r"初期パスワード: ([A-Za-z0-9]+)", added).group(1)
            else:
                added = self.cli(db, "user", "add", "--id", user, "--name", f"適合 {role}",
                                 "--permissions", permissions)
                request = re.search(r"approve --request (\d+)", added).group(1)
                approved = self.cli(db, "user", "approve", "--request", request, "--operator",
                                    "conformance-console")
                initial = re.search(r"初期パスワード: ([A-Za-z0-9]+)", approved).group(1)
            self.staff[role] = {"user": user, "initial": initial,
                                "password": f"conformance-passphrase-{role}"}
        self.start(db)
        try:
            for role, account in self.staff.items():
                first = self.post_json("/api/v1/login",
                                       {"user_id": account["user"], "password": account["initial"]})
                cookie, csrf = self.session_of(first)
                changed = self.post_json("/api/v1/password",
                                         {"old_password": account["initial"],
                                          "new_password": account["password"]},
                                         {"Cookie": cookie, "X-CSRF-Token": csrf})
                if changed.status != 200:
                    raise RuntimeError(f"password change of {role}: {changed.body[:200]!r}")
                issued = self.cli(db, "user", "enrol", "--id", account["user"])
                account["secret"] = re.search(r"秘密鍵: ([A-Z2-7]+)", issued).group(1)
                self.cli(db, "user", "enrol", "--id", account["user"], "--secret",
                         account["secret"], "--code", self.next_code(role, account))
                cookie, csrf = self.login(role)
                token = self.post_json("/api/v1/tokens", {"name": "conformance"},
                                       {"Cookie": cookie, "X-CSRF-Token": csrf})
                if token.status != 201:
                    raise RuntimeError(f"token of {role}: {token.body[:200]!r}")
                account["token"] = token.json()["secret"]
        finally:
            self.stop()
        self.template_steps = dict(self.last_step)

    def next_code(self, role, account):
        # A code is taken once and never one older than the last taken (RFC 6238 §5.2). The
        # previous step's code is not used: a slow command could see it expire before it checks.
        while True:
            now = int(time.time()) // 30
            step = max(now, self.last_step.get(role, 0) + 1)
            if step <= now + 1:
                self.last_step[role] = step
                return totp(account["secret"], step)
            time.sleep(1)

    def session_of(self, reply):
        if reply.status != 200:
            raise RuntimeError(f"login refused: {reply.body[:200]!r}")
        cookie = reply.headers.get("set-cookie", "").split(";")[0]
        return cookie, reply.json().get("csrf_token", "")

    def login(self, role):
        account = self.staff[role]
        reply = self.post_json("/api/v1/login", {"user_id": account["user"],
                                                 "password": account["password"],
                                                 "code": self.next_code(role, account)})
        return self.session_of(reply)

    def post_json(self, path, body, headers=None):
        return http("POST", self.base_url + path,
                    {"Content-Type": "application/json", **(headers or {})},
                    json.dumps(body).encode())

    def start(self, db):
        port = free_port()
        self.log = open(os.path.join(self.work, "serve.log"), "ab")
        self.server = subprocess.Popen([self.jrr, "serve", "--db", db, "--port", str(port),
                                        "--threads", "4"], stdout=self.log, stderr=self.log)
        self.base_url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            if self.server.poll() is not None:
                raise RuntimeError(f"jrr serve ended with {self.server.returncode}")
            try:
                if http("GET", self.base_url + "/healthz", {}, None, timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("jrr serve did not answer /healthz")

    def stop(self):
        if self.server:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
            self.server = None
            self.log.close()

    def begin(self, name):
        db = os.path.join(self.work, "scenario.db")
        # The register's own files beside it go too: a signed head of the log left from the last
        # scenario's register would name an entry this one does not hold.
        for suffix in ("", "-wal", "-shm", ".audit-heads", ".audit-key"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copy(self.template, db)
        self.db = db
        self.sessions = {}
        self.last_step = dict(self.template_steps)
        self.start(db)

    def end(self):
        self.stop()

    def cli_step(self, args):
        """A `jrr` command on the scenario's register (for what only the command line does)."""
        if not args:
            raise Malformed("an empty cli step")
        done = subprocess.run([self.jrr, str(args[0]), "--db", self.db, *map(str, args[1:])],
                              capture_output=True, check=False)
        return Reply(done.returncode, {"content-type": "text/plain"}, done.stdout + done.stderr)

    def headers_for(self, role, path, method):
        if role is None:
            return {}
        if role not in self.staff:
            raise Malformed(f"unknown role {role!r} (jrr has {', '.join(self.staff)})")
        if path.startswith("/api/"):
            return {"Authorization": "Bearer " + self.staff[role]["token"]}
        # A screen is used as a person uses it: a logged-in session, its CSRF token on a form.
        if role not in self.sessions:
            self.sessions[role] = self.login(role)
        cookie, csrf = self.sessions[role]
        return {"Cookie": cookie, "_csrf": csrf}

    def rewrite(self, request):
        return request

    def finish(self):
        pass

    def runs_screens(self):
        return True


class UrlSystem:
    """Another system: requests go to its base URL, mapped by the adapter file."""

    def __init__(self, base_url, adapter, adapter_dir="."):
        self.base_url = base_url.rstrip("/")
        self.adapter = adapter or {}
        self.adapter_dir = adapter_dir  # reset and teardown run there
        self.roles = self.adapter.get("roles", {})
        self.rules = self.adapter.get("requests", [])

    def prepare(self):
        pass

    def begin(self, name):
        reset = self.adapter.get("reset")
        if reset:
            done = subprocess.run(reset, shell=True, check=False, cwd=self.adapter_dir)
            if done.returncode != 0:
                raise RuntimeError(f"reset command failed with {done.returncode}")

    def finish(self):
        teardown = self.adapter.get("teardown")
        if teardown:
            subprocess.run(teardown, shell=True, check=False, cwd=self.adapter_dir)

    def end(self):
        pass

    def cli_step(self, args):
        raise Skipped("needs jrr's command line: " + " ".join(map(str, args)))

    def headers_for(self, role, path, method):
        if role is None:
            return {}
        if role not in self.roles:
            raise Malformed(f"the adapter maps no role {role!r}")
        return dict(self.roles[role].get("headers", {}))

    def rewrite(self, request):
        """Applies the first adapter rule whose method and path pattern match. The pattern sees the
        path with its query (/api/v1/resident?atena=0000000019, values percent-encoded) or the path
        alone; a `to` made from the path with its query replaces both."""
        query = urllib.parse.urlencode(request["query"]) if request["query"] else ""
        for rule in self.rules:
            if rule.get("method", request["method"]) != request["method"]:
                continue
            out = dict(request)
            match = re.fullmatch(rule["path"], request["path"])
            if query and not match:
                match = re.fullmatch(rule["path"], request["path"] + "?" + query)
                if match and "to" in rule:
                    out["query"] = None
            if not match:
                continue
            if "to" in rule:
                out["path"] = match.expand(rule["to"])
            if "method_to" in rule:
                out["method"] = rule["method_to"]
            if "json_rename" in rule and isinstance(out.get("json"), dict):
                out["json"] = rename_keys(out["json"], rule["json_rename"])
            if rule.get("skip"):
                return None
            return out
        return request

    def runs_screens(self):
        return bool(self.adapter.get("screens"))


def rename_keys(value, names):
    if isinstance(value, dict):
        return {names.get(k, k): rename_keys(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [rename_keys(v, names) for v in value]
    return value


# ---------------------------------------------------------------------------------------------
# Scenarios


VARIABLE = re.compile(r"\$\{([A-Za-z0-9_.]+)((?:[+-]\d+y?)*)(?::([a-z]+))?\}")

# The eras a day of ${today…:wareki} may fall in: (name, first day), the latest first.
ERAS = [("令和", datetime.date(2019, 5, 1)), ("平成", datetime.date(1989, 1, 8)),
        ("昭和", datetime.date(1926, 12, 25))]


def today_in_japan():
    return datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Tokyo")).date()


def years_later(day, years):
    """The same month and day `years` later; 29 February where there is none becomes 1 March, so
    the day before it is the last day of a period of years (民法第143条)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def wareki(day):
    """令和8年12月20日, 令和元年5月1日: a day as jrr prints it in 和暦."""
    for era, first in ERAS:
        if day >= first:
            year = day.year - first.year + 1
            return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    raise Malformed(f"{day.isoformat()} is before 昭和: give it in ISO")


def lookup(match, saved):
    """${name} — a saved value; ${today}, ${today+30}, ${today-1} — a day in Japan (ISO).
    Offsets add up from left to right, in days, or in years with y: ${today-340+1y} is the day
    a year after ${today-340}, ${today-340+1y-1} the last day of a year-long period from it.
    :wareki and :seireki print the day as jrr does (${today+13:wareki} → 令和8年12月20日,
    ${today+998:seireki} → 2029年8月31日, both as run on 2026-12-07)."""
    name, offsets, style = match.group(1), match.group(2), match.group(3)
    if name == "today":
        day = today_in_japan()
        for sign, number, years in re.findall(r"([+-])(\d+)(y?)", offsets):
            n = int(number) if sign == "+" else -int(number)
            day = years_later(day, n) if years else day + datetime.timedelta(days=n)
        if style == "wareki":
            return wareki(day)
        if style == "seireki":
            return f"{day.year}年{day.month}月{day.day}日"
        if style:
            raise Malformed(f"${{today…:{style}}}: a day is written :wareki or :seireki")
        return day.isoformat()
    if offsets or style:
        raise Malformed(f"${{{name}{offsets}{':' + style if style else ''}}}: only today takes "
                        "a number of days or a style")
    if name not in saved:
        raise Malformed(f"${{{name}}} is used before it is saved")
    return saved[name]


def substitute(value, saved):
    """`value` with every ${…} replaced, in strings and in the keys of objects."""
    if isinstance(value, str):
        whole = VARIABLE.fullmatch(value)
        if whole:
            return lookup(whole, saved)  # keeps a saved number or list as it is
        return VARIABLE.sub(lambda m: str(lookup(m, saved)), value)
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, dict):
        return {str(substitute(k, saved)): substitute(v, saved) for k, v in value.items()}
    return value


def at_path(document, path):
    """The value at a dotted path (`versions.0.addressee_number`); KeyError when absent."""
    value = document
    for part in str(path).split("."):
        if isinstance(value, list):
            if not part.lstrip("-").isdigit() or int(part) >= len(value):
                raise KeyError(path)
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(path)
    return value


def find_all(document, key):
    """Every value of `key` anywhere in the document (for `json_has`)."""
    found = []
    if isinstance(document, dict):
        for k, v in document.items():
            if k == key:
                found.append(v)
            found.extend(find_all(v, key))
    elif isinstance(document, list):
        for v in document:
            found.extend(find_all(v, key))
    return found


def subset(expected, actual, where="$"):
    """Expected ⊆ actual: every key of an expected object, every item of an expected list (in
    any position of the actual list), equal scalars. Returns a reason or None."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}: expected an object, got {json.dumps(actual, ensure_ascii=False)[:120]}"
        for k, v in expected.items():
            if k not in actual:
                return f"{where}.{k}: missing"
            reason = subset(v, actual[k], f"{where}.{k}")
            if reason:
                return reason
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{where}: expected a list"
        for i, item in enumerate(expected):
            if all(subset(item, a, f"{where}[{i}]") for a in actual):
                return f"{where}: no item matches {json.dumps(item, ensure_ascii=False)[:160]}"
        return None
    if expected != actual:
        return f"{where}: expected {expected!r}, got {actual!r}"
    return None


def check(expect, reply, saved):
    if not expect:
        return
    status = expect.get("status")
    if status is None and not any(k in expect for k in ("exit", "code", "rule_id")):
        status = [200, 201]  # an answer is a success unless the step says otherwise
    if status is not None:
        allowed = status if isinstance(status, list) else [status]
        if reply.status not in allowed:
            raise StepFailed(f"status {reply.status}, expected {status}: {reply.preview()}")
    if "exit" in expect and reply.status != expect["exit"]:
        raise StepFailed(f"exit status {reply.status}, expected {expect['exit']}: "
                         f"{reply.preview()}")
    body = reply.body.decode("utf-8", "replace")
    for needle in expect.get("body_contains") or []:
        if needle not in body:
            raise StepFailed(f"the page source lacks {needle!r}")
    for needle in expect.get("body_not_contains") or []:
        if needle in body:
            raise StepFailed(f"the page source has {needle!r}")
    for name in expect.get("no_field") or []:
        if name in reply.fields():
            raise StepFailed(f"the page has a form field {name!r}, which it must not")
    if "field" in expect:
        fields = reply.fields()
        for name, value in expect["field"].items():
            if name not in fields:
                raise StepFailed(f"the page has no form field {name!r}")
            if fields[name] != value:
                raise StepFailed(f"form field {name!r} is {fields[name]!r}, expected {value!r}")
    for key in ("code", "rule_id"):
        if key in expect and reply.json().get(key) != expect[key]:
            raise StepFailed(f"{key} {reply.json().get(key)!r}, expected {expect[key]!r}: "
                             f"{reply.json().get('message_ja', '')}")
    if "json" in expect:
        reason = subset(expect["json"], reply.json())
        if reason:
            raise StepFailed(reason)
    for path, value in (expect.get("at") or {}).items():
        try:
            actual = at_path(reply.json(), path)
        except KeyError:
            raise StepFailed(f"{path}: missing")
        if actual != value:
            raise StepFailed(f"{path}: expected {value!r}, got {actual!r}")
    for path in expect.get("absent") or []:
        try:
            actual = at_path(reply.json(), path)
        except KeyError:
            continue
        if actual not in ("", None, [], {}):
            raise StepFailed(f"{path} should be absent or empty, got {actual!r}")
    for key, values in (expect.get("json_has") or {}).items():
        found = find_all(reply.json(), key)
        for value in values if isinstance(values, list) else [values]:
            if value not in found:
                raise StepFailed(f"no {key!r} equal to {value!r} in the answer (found {found[:8]})")
    for key in expect.get("json_lacks_key") or []:
        if find_all(reply.json(), key):
            raise StepFailed(f"the answer carries {key!r}, which it must not")
    if any(k in expect for k in ("contains", "not_contains", "matches", "not_matches", "count")):
        text = reply.text()
        flat = re.sub(r"\s+", " ", text)
        for needle in expect.get("contains") or []:
            if needle not in text and needle not in flat:
                raise StepFailed(f"the text lacks {needle!r}; it reads: {flat[:400]!r}")
        for needle in expect.get("not_contains") or []:
            if needle in text or needle in flat:
                at = flat.find(needle)
                raise StepFailed(f"the text has {needle!r}: …{flat[max(0, at - 80):at + 80]}…")
        for pattern in expect.get("matches") or []:
            if not re.search(pattern, text) and not re.search(pattern, flat):
                raise StepFailed(f"the text does not match /{pattern}/: {flat[:400]!r}")
        for pattern in expect.get("not_matches") or []:
            if re.search(pattern, text) or re.search(pattern, flat):
                raise StepFailed(f"the text matches /{pattern}/, which it must not")
        for needle, n in (expect.get("count") or {}).items():
            if flat.count(needle) != n:
                raise StepFailed(f"{needle!r} appears {flat.count(needle)} times, expected {n}")


class Runner:
    def __init__(self, system, fixtures_dir, verbose=False):
        self.system, self.verbose = system, verbose
        self.fixtures = {}
        for path in sorted(glob.glob(os.path.join(fixtures_dir, "*.yaml"))):
            name = os.path.splitext(os.path.basename(path))[0]
            self.fixtures[name] = load_yaml(path)

    def request(self, step, saved):
        if "request" not in step:
            raise Malformed("a step needs a request")
        raw = substitute(step["request"], saved)
        request = {"method": raw.get("method", "GET"), "path": raw["path"],
                   "json": raw.get("json"), "form": raw.get("form"), "query": raw.get("query")}
        extra_headers = {str(k): str(v) for k, v in (raw.get("headers") or {}).items()}
        screen = not request["path"].startswith("/api/")
        if screen and not self.system.runs_screens():
            return None
        request = self.system.rewrite(request)
        if request is None:
            return None
        headers = self.system.headers_for(step.get("as"), request["path"], request["method"])
        csrf = headers.pop("_csrf", None)
        headers.update(extra_headers)  # a session a scenario logged into itself (save header:…)
        path = request["path"]
        if request["query"]:
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode(request["query"])
        body = None
        if request["json"] is not None:
            body = json.dumps(request["json"], ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        elif request["form"] is not None or (screen and request["method"] == "POST"):
            form = dict(request["form"] or {})
            if csrf and "csrf" not in form:
                form["csrf"] = csrf
            body = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        # A path may be written with Japanese in it (/search?q=スミス): sent percent-encoded.
        path = urllib.parse.quote(path, safe="/?&=%:+,;@!*'()~-._")
        reply = http(request["method"], self.system.base_url + path, headers, body)
        if self.verbose:
            print(f"    {step.get('as', '-')} {request['method']} {path} → {reply.status}")
        return reply

    def steps(self, steps, saved, origin):
        for i, step in enumerate(steps or []):
            try:
                if "cli" in step:
                    reply = self.system.cli_step(substitute(step["cli"], saved))
                    # A command succeeds (exit 0) unless the step says otherwise, as documented.
                    expect = {"exit": 0, **(step.get("expect") or {})}
                    check(substitute(expect, saved), reply, saved)
                    continue
                reply = self.request(step, saved)
                if reply is None:
                    # A step not run proves nothing, and the steps after it may depend on it:
                    # the scenario is reported skipped, never passed.
                    raise Skipped(f"{origin} step {i + 1} not run by this system "
                                  f"({step['request'].get('path', '')})")
                check(substitute(step.get("expect", {"status": [200, 201]}), saved), reply, saved)
                for name, path in (step.get("save") or {}).items():
                    if str(path).startswith("header:"):
                        # A response header's value up to its first ';' (a cookie without its
                        # attributes), for a later step's `headers`.
                        value = reply.headers.get(str(path)[len("header:"):].lower(), "")
                        if not value:
                            raise StepFailed(f"no {path} to save as {name}")
                        saved[name] = value.split(";")[0]
                        continue
                    try:
                        saved[name] = at_path(reply.json(), path)
                    except KeyError:
                        raise StepFailed(f"nothing at {path} to save as {name}")
            except StepFailed as failure:
                label = step.get("name") or (" ".join(map(str, step["cli"])) if "cli" in step
                                             else step["request"].get("path", ""))
                raise StepFailed(f"{origin} step {i + 1} ({label}): {failure}") from None

    def scenario(self, scenario):
        saved = {}
        for name in scenario.get("given") or []:
            if name not in self.fixtures:
                raise Malformed(f"no fixture {name!r}")
            self.steps(self.fixtures[name].get("steps"), saved, f"fixture {name}")
        self.steps(scenario.get("steps"), saved, "scenario")


def load_yaml(path):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f) or {}
    except yaml.YAMLError as error:
        raise Malformed(f"{path}: {error}")


def selected(wanted, section, scenario):
    """--only: a section (and its subsections), a row id, or a scenario's name."""
    def under(name):
        return name == wanted or name.startswith(wanted.rstrip(".") + ".") or \
            name.startswith(wanted + "/")
    return wanted == scenario["name"] or under(section) or any(under(c) for c in scenario["covers"])


EXPECT_KEYS = {"status", "exit", "code", "rule_id", "json", "at", "absent", "json_has",
               "json_lacks_key", "contains", "not_contains", "matches", "not_matches", "count",
               "body_contains", "body_not_contains", "field", "no_field"}
STEP_KEYS = {"as", "name", "request", "cli", "expect", "save"}
REQUEST_KEYS = {"method", "path", "json", "form", "query", "headers"}
SCENARIO_KEYS = {"name", "covers", "given", "steps", "known_failure"}


def check_steps(steps, where):
    """A misspelt key would check nothing and let a step pass: refused before anything runs."""
    for i, step in enumerate(steps or []):
        at = f"{where} step {i + 1}"
        for keys, allowed, what in ((step, STEP_KEYS, "step"),
                                    (step.get("request") or {}, REQUEST_KEYS, "request"),
                                    (step.get("expect") or {}, EXPECT_KEYS, "expect")):
            unknown = set(keys) - allowed
            if unknown:
                raise Malformed(f"{at}: unknown {what} key(s) {', '.join(sorted(unknown))}")
        if ("request" in step) == ("cli" in step):
            raise Malformed(f"{at}: a step has either a request or a cli")
        if "expect" in step and not step["expect"]:
            raise Malformed(f"{at}: an empty expect checks nothing")


def load_scenarios(directory, only):
    found = []
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        document = load_yaml(path)
        section = document.get("section", "")
        for scenario in document.get("scenarios") or []:
            if not scenario.get("name") or not scenario.get("covers"):
                raise Malformed(f"{path}: every scenario needs a name and covers")
            unknown = set(scenario) - SCENARIO_KEYS
            if unknown:
                raise Malformed(f"{path}: {scenario['name']!r}: unknown key(s) "
                                f"{', '.join(sorted(unknown))}")
            check_steps(scenario.get("steps"), f"{path}: {scenario['name']!r}")
            if only and not any(selected(o, section, scenario) for o in only):
                continue
            found.append((os.path.relpath(path, HERE), section, scenario))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--jrr", help="the jrr program: run against a fresh jrr register")
    target.add_argument("--base-url", help="run against this system (needs --adapter)")
    parser.add_argument("--adapter", help="adapter file mapping jrr's requests to the system's")
    parser.add_argument("--scenarios", default=os.path.join(HERE, "scenarios"))
    parser.add_argument("--fixtures", default=os.path.join(HERE, "fixtures"))
    parser.add_argument("--out", help="write the results (JSON) here")
    parser.add_argument("--only", nargs="*", help="sections, scenario names or row ids")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--cache", help="with --jrr: keep the prepared register here between runs")
    args = parser.parse_args()

    if args.base_url and not args.adapter:
        print("conformance: --base-url needs --adapter (docs/conformance-kit.md)", file=sys.stderr)
        return 2
    try:
        scenarios = load_scenarios(args.scenarios, args.only)
        for path in sorted(glob.glob(os.path.join(args.fixtures, "*.yaml"))):
            check_steps(load_yaml(path).get("steps"), path)
        adapter = load_yaml(args.adapter) if args.adapter else {}
    except Malformed as error:
        print(f"conformance: {error}", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="jrr-conformance-")
    if args.jrr:
        system = JrrSystem(args.jrr, work, args.cache)
        name = "jrr"
    else:
        system = UrlSystem(args.base_url, adapter,
                           os.path.dirname(os.path.abspath(args.adapter)))
        name = adapter.get("system", args.base_url)
    try:
        system.prepare()
    except (RuntimeError, OSError, AttributeError) as error:
        print(f"conformance: cannot prepare {name}: {error}", file=sys.stderr)
        return 3
    runner = Runner(system, args.fixtures, args.verbose)
    results, failed = [], 0
    for file, section, scenario in scenarios:
        started = time.monotonic()
        outcome = {"file": file, "section": section, "name": scenario["name"],
                   "covers": scenario["covers"], "passed": False, "reason": "",
                   # jrr's known failures are jrr's: another system is graded as it answers.
                   "known_failure": scenario.get("known_failure", "") if args.jrr else ""}
        try:
            system.begin(scenario["name"])
            try:
                runner.scenario(scenario)
                outcome["passed"] = True
            finally:
                system.end()
        except Skipped as skipped:
            outcome["skipped"], outcome["reason"] = True, str(skipped)
        except Malformed as error:  # the scenario or the adapter is wrong, not the system
            system.finish()
            print(f"conformance: {scenario['name']!r}: {error}", file=sys.stderr)
            return 2
        except (StepFailed, RuntimeError, OSError) as error:
            outcome["reason"] = str(error)
        outcome["seconds"] = round(time.monotonic() - started, 2)
        results.append(outcome)
        # A known failure documents a requirement the system does not meet yet: it is expected
        # to fail, and passing unexpectedly is reported so that its grade gets revisited.
        if outcome.get("skipped"):
            mark = "skip "
        elif outcome["known_failure"]:
            mark = "XPASS" if outcome["passed"] else "xfail"
            failed += 1 if outcome["passed"] else 0
        else:
            mark = "ok   " if outcome["passed"] else "FAIL "
            failed += 0 if outcome["passed"] else 1
        shown = outcome["reason"] if not outcome["passed"] else (
            "passes although marked known_failure: grade it again" if mark == "XPASS" else "")
        print(f"{mark} {section} {scenario['name']}" + (f"\n      {shown}" if shown else ""))
    system.finish()
    shutil.rmtree(work, ignore_errors=True)
    passed = sum(1 for r in results if r["passed"])
    known = sum(1 for r in results if r["known_failure"] and not r["passed"])
    skipped = sum(1 for r in results if r.get("skipped"))
    print(f"{passed} of {len(results)} scenarios passed against {name}"
          f" ({known} known failures, {skipped} skipped, {failed} unexpected)")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"system": name, "scenarios": results}, f, ensure_ascii=False, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
