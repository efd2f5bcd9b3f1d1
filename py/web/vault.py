"""The journal lock's glue: the key, kept in memory only while unlocked; turning the lock on,
unlocking, locking again (Lock now, 5 minutes hidden, a reload), changing and removing it; and
every write of a locked month.

The cryptography is the browser's (site/lock.js: PBKDF2-SHA-256 and AES-GCM through crypto.subtle);
the stored format is py/core/lock.py's. Each month is written through store.update() with its one
key, after the month's freshest stored text was decrypted: if another tab wrote the month in
between, the write is given up and done again from what that tab wrote (never from a stale copy,
never as plain text, and never with notes this tab could not decrypt).
"""
import asyncio
import json

import js
from pyscript.ffi import create_proxy

from core import layout
from core import lock
from web.browser_api import optional
from web.dom import NO_SCROLL, now_ms, q
from render.markup import escape

HIDDEN_LOCK_MS = 5 * 60 * 1000
WRONG = "That passphrase does not open this journal. Nothing was changed; try again."
RETRIES = 5
TYPED = ("journal-note", "journal-day")   # boxes whose text a redraw must keep


class LockError(Exception):
    pass


async def settle(promise):
    """The value of a lock.js promise, or LockError with the reason it was refused."""
    result = await js.attuneLock.settle(promise)
    if not result.ok:
        raise LockError(str(result.error))
    return result.value


class Vault:
    def __init__(self, app):
        self.app = app
        self.store = app.store
        self.keys = {}          # lock id: CryptoKey, while unlocked (the current lock's and a previous one's)
        self.opened = {}        # month: the iv of the sealed record whose notes are in the document
        self.busy = False
        self.hidden_at = None
        self.lock_timer = None
        js.document.addEventListener("visibilitychange", create_proxy(self.on_visibility))
        js.document.addEventListener("input", create_proxy(self.on_input))

    # --- the reader's actions ------------------------------------------------------------

    def actions(self):
        """data-action → handler(button), for the app's click routing (App.on_click)."""
        return {"lock-on": lambda button: self.run(self.on_turn_on()),
                "lock-unlock": lambda button: self.unlock_then(
                    q("#%s-pass" % button.getAttribute("data-field")), button.getAttribute("data-field"), None),
                "lock-now": lambda button: self.on_lock_now(),
                "lock-change": lambda button: self.run(self.on_change()),
                "lock-remove": lambda button: self.run(self.on_remove())}

    def on_input(self, event):
        if event.target.id == "lock-new":
            hint = q("#lock-hint")
            if hint:
                hint.textContent = lock.strength_hint(str(event.target.value))

    def error(self, prefix, text):
        box = q("#%s-error" % prefix)
        if box:
            box.innerHTML = '<p class="error">%s</p>' % escape(text) if text else ""

    def value(self, box_id):
        box = q("#" + box_id)
        return str(box.value) if box else ""

    def unlock_then(self, box, prefix, then):
        """Unlock with the passphrase typed in `box`, then run then() (a note waiting to be saved)."""
        passphrase = str(box.value) if box else ""
        if not passphrase:
            self.error(prefix, "Your notes are locked. Type your passphrase here first; what you wrote stays as it is.")
            if box:
                box.focus()
            return
        self.run(self.on_unlock(box, prefix, passphrase, then))

    async def on_unlock(self, box, prefix, passphrase, then):
        self.error(prefix, "")
        try:
            problem = await self.unlock(passphrase)
        except LockError as error:
            problem = "The journal could not be unlocked here (%s). Nothing was changed." % error
        if problem:
            self.error(prefix, problem)
            box = q("#%s-pass" % prefix)
            if box:   # what was typed stays, selected: typing again replaces it, an arrow key edits it
                box.setAttribute("aria-invalid", "true")
                box.focus()
                box.select()
            return
        # A removal a closed page left half-way is finished by unlocking: the lock is then off.
        self.app.messages.say("Unlocked." if self.is_on() else
                              "Unlocked. Removing the lock had been left unfinished; it is finished now, and your "
                              "notes are stored as plain text in this browser again.")
        self.refresh_keeping_typed()
        if then:
            then()

    def refresh_keeping_typed(self):
        """The page from the store again, with what is typed in the note boxes kept as it was."""
        typed = [(box_id, str(q("#" + box_id).value)) for box_id in TYPED if q("#" + box_id)]
        self.app.refresh()
        for box_id, value in typed:
            box = q("#" + box_id)
            if box:
                box.value = value

    def on_lock_now(self):
        self.lock_now()
        self.app.messages.say("Locked. Your notes need the passphrase again.")

    async def on_turn_on(self):
        new, again = self.value("lock-new"), self.value("lock-again")
        problem = lock.check_new(new, again)
        if problem:
            self.error("lock", problem)
            return
        self.app.messages.say("Setting the lock…")
        await self._attempt(lambda: self.turn_on(new), "The lock could not be set here (%s).",
                            "The lock is set: your notes are stored encrypted with your passphrase. They stay "
                            "unlocked on this page until you lock them, reload, or leave the page for 5 minutes.")

    async def on_change(self):
        current, new, again = self.value("lock-current"), self.value("lock-new"), self.value("lock-again")
        problem = lock.check_new(new, again) if current else "Type your current passphrase first."
        if problem:
            self.error("lock", problem)
            return
        self.app.messages.say("Changing the passphrase…")
        await self._attempt(lambda: self.change(current, new), "The passphrase could not be changed here (%s).",
                            "Passphrase changed: every note is now encrypted with the new one.")

    async def on_remove(self):
        current = self.value("lock-current")
        if not current:
            self.error("lock", "Type your current passphrase to remove the lock.")
            return
        await self._attempt(lambda: self.remove(current), "The lock could not be removed here (%s).",
                            "The lock is off: your notes are stored as plain text in this browser again.")

    async def _attempt(self, work, failed, done):
        """Run one of the lock's changes (work: a coroutine function). A problem it returns, or its
        LockError put into `failed`, shows under the lock's form; else the page is drawn again and `done` said."""
        try:
            problem = await work()
        except LockError as error:
            problem = failed % error
        if problem:
            self.error("lock", problem)
            return
        self.app.refresh()
        self.app.messages.say(done)

    # --- state ---------------------------------------------------------------------------

    def unavailable(self):
        """Why a lock cannot be offered here ("" when it can): no Web Crypto, or storage off."""
        api = optional(js.window, "attuneLock")
        why = str(api.available()) if api is not None else "the lock's script did not load"
        if why:
            return "The journal lock is not available here: %s." % why
        if not self.store.persistent:
            return "The journal lock is not available while this browser is not saving anything."
        return ""

    def record(self):
        return self.store.doc.get("lock")

    def is_on(self):
        return bool(self.record())

    def reread(self):
        """The lock's record read again before a note is written: another tab may have turned the lock on
        (or off) a moment ago, before its storage event reached this one. A plain note written beside a
        lock would not be stored (layout.encode never writes one), so the choice must be made fresh. If the
        record changed, the page is drawn again (what is typed kept) so that the lock's forms are there."""
        before = self.record()
        self.store.refresh(layout.LOCK)
        if self.record() != before:
            self.refresh_keeping_typed()

    def is_locked(self):
        """A lock is on and this tab holds no key for it."""
        record = self.record()
        return bool(record) and record["id"] not in self.keys

    def run(self, coroutine):
        asyncio.create_task(coroutine)

    # --- unlocking -----------------------------------------------------------------------

    async def derive(self, passphrase, record):
        return await settle(js.attuneLock.deriveKey(passphrase, record["salt"], record["iter"]))

    async def check(self, key, record):
        try:
            text = await settle(js.attuneLock.decrypt(key, record["check"]["iv"], record["check"]["data"]))
        except LockError:
            return False
        return str(text) == lock.CHECK_TEXT

    async def keys_for(self, passphrase, record):
        """{lock id: key} that `passphrase` opens for a lock record, this journal's or a locked file's (its
        previous key too, while a change of passphrase is under way or was when the file was saved); None
        when the passphrase is wrong."""
        key = await self.derive(passphrase, record)
        if not await self.check(key, record):
            return None
        keys = {record["id"]: key}
        prev = record.get("prev")
        if prev:
            keys[prev["id"]] = await settle(js.attuneLock.unwrap(key, prev["iv"], prev["data"]))
        return keys

    async def unlock(self, passphrase):
        """None when `passphrase` opens the journal (every locked month is then decrypted into the
        document, and any work a closed page left is finished); else what to tell the reader."""
        record = self.record()
        if not record:
            return None
        keys = await self.keys_for(passphrase, record)
        if keys is None:
            return WRONG
        self.keys = keys
        await self.open_all()
        await self.finish()
        self.arm()
        return None

    async def open_month(self, month):
        """Decrypt the month's sealed record (as the document holds it) into the document's notes."""
        doc = self.store.doc
        sealed = lock.sealed_months(doc).get(month)
        if not sealed:
            return
        key = self.keys.get(sealed["lock"])
        if key is None:
            raise LockError("no key")
        text = str(await settle(js.attuneLock.decrypt(key, sealed["iv"], sealed["data"])))
        if lock.sealed_months(self.store.doc).get(month) is not sealed:
            return   # the store read a newer record meanwhile: whoever read it opens it
        part, problems = layout.decode(layout.NOTES + month, text)
        for day in [d for d in doc["notes"] if d[:7] == month]:
            del doc["notes"][day]
        for day in part["notes"]:
            doc["notes"][day] = part["notes"][day]
        self.opened[month] = sealed["iv"]

    async def open_all(self):
        for month in list(lock.sealed_months(self.store.doc)):
            await self.open_month(month)

    def lock_now(self):
        """Forget the key and every decrypted note: the journal asks for the passphrase again."""
        self.keys = {}
        doc = self.store.doc
        for month in lock.sealed_months(doc):
            for day in [d for d in doc["notes"] if d[:7] == month]:
                del doc["notes"][day]
        self.opened = {}
        self.refresh_keeping_typed()
        self.show_locked()

    def show_locked(self):
        """The journal's locked panel at the top of the page, its heading focused: the notes that were on
        screen are gone, and the page would otherwise stay scrolled to wherever they were."""
        title = q("#lock-title")
        if title and title.offsetParent:   # the journal is the view shown
            title.focus(NO_SCROLL)
            js.window.scrollTo(0, 0)

    def on_storage(self, key):
        """Another tab wrote `key`: a month it sealed is decrypted again while unlocked."""
        if self.keys and key and key.startswith(layout.NOTES):
            self.run(self.reopen(key[len(layout.NOTES):]))

    async def reopen(self, month):
        try:
            await self.open_month(month)
        except LockError:
            pass
        self.app.refresh()

    # --- writing -------------------------------------------------------------------------

    async def seal(self, month, edit, key_id=None):
        """Write the month sealed with the current key, its notes edited by edit(notes) ({day: [text]}
        of the month, changed in place); None: unchanged. Returns True when it was saved."""
        record = self.record()
        key_id = key_id or record["id"]
        key = self.keys.get(key_id)
        if key is None:
            return False   # locked meanwhile (Lock now, or another tab changed the lock): nothing is written
        store_key = layout.NOTES + month
        for _attempt in range(RETRIES):
            self.store.refresh(store_key)   # the freshest stored text of the month
            doc = self.store.doc
            before = lock.sealed_months(doc).get(month)
            if before:
                await self.open_month(month)
            notes = dict((d, list(doc["notes"][d])) for d in doc["notes"] if d[:7] == month)
            if edit:
                edit(notes)
            text = lock.month_text(notes, month)
            box = await settle(js.attuneLock.encrypt(key, text)) if notes else None
            record_new = (lock.sealed_record(key_id, {"iv": str(box.iv), "data": str(box.data)}, list(notes))
                          if box else None)
            done = []

            # called at once, in this loop (the defaults bind this turn's values)
            def change(doc, notes=notes, record_new=record_new, done=done, before=before):
                if lock.sealed_months(doc).get(month) is not before:
                    return   # another tab wrote this month meanwhile: try again from what it wrote
                for day in [d for d in doc["notes"] if d[:7] == month]:
                    del doc["notes"][day]
                for day in notes:
                    doc["notes"][day] = notes[day]
                doc.setdefault("sealed", {})
                if record_new:
                    doc["sealed"][month] = record_new
                    self.opened[month] = record_new["iv"]
                elif month in doc["sealed"]:
                    del doc["sealed"][month]
                done.append(1)
            saved = self.store.update(change, [store_key])
            if done:
                return saved
        return False

    async def edit_note(self, day, old, new):
        """Replace note `old` of `day` by `new` (either may be None) in a locked month."""
        from core import model

        def edit(notes):
            probe = {"notes": notes}
            if old is not None:
                model.remove_note(probe, day, old)
            if new is not None:
                model.add_note(probe, day, new)
        return await self.seal(day[:7], edit)

    async def finish(self):
        """Work a closed page (or another tab) left: plain months sealed, months still under a previous
        key rewritten under the current one, then the previous key dropped; a removal finished."""
        record = self.record()
        if not record or record["id"] not in self.keys:
            return
        if record.get("removing"):
            await self.remove_rest()
            return
        for month in lock.plain_months(self.store.doc):
            await self.seal(month, None)
        for month in lock.months_under(self.store.doc, record["id"]):
            await self.seal(month, None)
        if record.get("prev") and not lock.months_under(self.store.doc, record["id"]):
            plain = dict(record)
            del plain["prev"]
            self.set_record(plain)

    # --- turning on, changing, removing --------------------------------------------------

    def set_record(self, record):
        def put(doc):
            doc["lock"] = record
            doc.setdefault("sealed", {})
        return self.store.update(put, [layout.LOCK])

    async def new_record(self, passphrase):
        salt = str(js.attuneLock.salt())
        probe = {"salt": salt, "iter": lock.ITERATIONS}
        key = await self.derive(passphrase, probe)
        check = await settle(js.attuneLock.encrypt(key, lock.CHECK_TEXT))
        return lock.new_record(salt, lock.ITERATIONS, {"iv": str(check.iv), "data": str(check.data)}), key

    async def turn_on(self, passphrase):
        """Lock every note: the record is written first, then each month sealed (finish())."""
        record, key = await self.new_record(passphrase)
        self.store.refresh(layout.LOCK)
        if self.record():
            return "Another tab turned the lock on meanwhile. Unlock with its passphrase."
        self.set_record(record)
        self.keys = {record["id"]: key}
        await self.finish()
        self.arm()
        return None

    async def change(self, current, new):
        """A new passphrase: a new record carrying the previous key wrapped, then every month
        rewritten under the new key, then the previous key dropped (finish())."""
        record = self.record()
        old_key = await self.derive(current, record)
        if not await self.check(old_key, record):
            return WRONG
        if record.get("prev"):
            await self.finish()   # a change left half-way is finished first
            record = self.record()
        fresh, key = await self.new_record(new)
        wrapped = await settle(js.attuneLock.wrap(key, old_key))
        fresh["prev"] = {"id": record["id"], "iv": str(wrapped.iv), "data": str(wrapped.data)}
        self.set_record(fresh)
        self.keys = {fresh["id"]: key, record["id"]: old_key}
        await self.finish()
        return None

    async def remove(self, current):
        """Take the lock off: marked as being removed, every month written plain, then the record removed."""
        record = self.record()
        keys = await self.keys_for(current, record)
        if keys is None:
            return WRONG
        if record["id"] not in self.keys:
            self.keys = keys
            await self.open_all()
        marked = dict(record)
        marked["removing"] = 1
        self.set_record(marked)
        await self.remove_rest()
        return None

    async def remove_rest(self):
        """Every locked month written as plain text (the record says "removing"), one write each."""
        for month in list(lock.sealed_months(self.store.doc)):
            for _attempt in range(RETRIES):
                self.store.refresh(layout.NOTES + month)
                before = lock.sealed_months(self.store.doc).get(month)
                if before is None:
                    break
                await self.open_month(month)
                done = []

                def plain(doc, month=month, before=before, done=done):   # called at once, in this loop
                    if lock.sealed_months(doc).get(month) is before:   # else another tab wrote it: again
                        del doc["sealed"][month]
                        done.append(1)
                self.store.update(plain, [layout.NOTES + month])
                if done:
                    break

        def drop(doc):
            doc.pop("lock", None)
            doc.pop("sealed", None)
        self.store.update(drop, [layout.LOCK])
        self.keys = {}
        self.opened = {}

    # --- importing a file ------------------------------------------------------------------

    async def open_file(self, sealed, keys):
        """The notes ({day: [text]}) of a locked file's months, decrypted with the file's keys; LockError
        (or DataError) when one cannot be decrypted or does not hold valid notes of its month."""
        from core import model
        notes = {}
        for month in sorted(sealed):
            record = sealed[month]
            text = str(await settle(js.attuneLock.decrypt(keys[record["lock"]], record["iv"], record["data"])))
            try:
                found = json.loads(text)
            except ValueError:
                raise LockError("the notes of %s are damaged" % month) from None
            part = model.validate({"schema": model.SCHEMA, "notes": found}, True)[0]["notes"]
            for day in part:
                if day[:7] != month:
                    raise LockError("the notes of %s hold a day of another month" % month)
                notes[day] = part[day]
        return notes

    def adoptable(self, record):
        """A locked file's record as this journal takes it (it has no lock of its own): every month is
        sealed again under the record's own key, so no previous key or removal mark is carried."""
        fresh = dict(record)
        fresh.pop("prev", None)
        fresh.pop("removing", None)
        return fresh

    async def import_plain(self, incoming, mode, record=None, key=None):
        """Import `incoming` (its notes in plain text: a plain file, or a locked one decrypted) while a
        lock is on and open here, or is being taken from the file (record, key). Its notes are only
        ever written sealed. merge: each month it touches is read again, decrypted, merged and sealed
        (seal(): one store.update each); replace: its months are sealed first, then the whole document
        is put in place with the lock still on. The reader's other parts merge or replace as ever."""
        from core import model
        if record is None:
            record = self.record()
        else:
            self.keys = {record["id"]: key}
        rest = model.copy(incoming)
        rest.pop("lock", None)
        rest.pop("sealed", None)
        notes = rest["notes"]
        rest["notes"] = {}
        months = sorted(set(day[:7] for day in notes))
        if mode == "merge":
            if not self.record():
                self.set_record(record)   # the file's lock first: no plain month of the file is written
            self.store.merge_in(rest)
            await self.open_all()
            for month in months:
                def edit(month_notes, month=month):
                    for day in notes:
                        if day[:7] == month:
                            month_notes[day] = sorted(set(month_notes.get(day, [])) | set(notes[day]))
                await self.seal(month, edit)
            await self.finish()
        else:
            key_id = record["id"]
            sealed = {}
            for month in months:
                box = await settle(js.attuneLock.encrypt(self.keys[key_id], lock.month_text(notes, month)))
                days = [day for day in notes if day[:7] == month]
                sealed[month] = lock.sealed_record(key_id, {"iv": str(box.iv), "data": str(box.data)}, days)
            rest["notes"] = notes
            rest["lock"] = dict(record)
            rest["sealed"] = sealed
            self.store.replace(rest)   # sealed months and the lock written first, old keys removed after
            self.opened = dict((month, sealed[month]["iv"]) for month in sealed)
            await self.finish()
        self.arm()

    # --- locking again when hidden -------------------------------------------------------

    def arm(self):
        self.hidden_at = None

    def on_visibility(self, *_):
        if not self.keys:
            return
        if str(js.document.visibilityState) == "hidden":
            self.hidden_at = now_ms()
            self.lock_timer = js.setTimeout(create_proxy(self.lock_if_hidden), HIDDEN_LOCK_MS)
        else:
            if self.hidden_at is not None and now_ms() - self.hidden_at >= HIDDEN_LOCK_MS:
                self.lock_now()
            self.hidden_at = None
            if self.lock_timer is not None:
                js.clearTimeout(self.lock_timer)
                self.lock_timer = None

    def lock_if_hidden(self, *_):
        self.lock_timer = None
        if self.keys and str(js.document.visibilityState) == "hidden":
            self.lock_now()
