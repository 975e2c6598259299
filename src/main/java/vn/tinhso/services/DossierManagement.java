package vn.tinhso.services;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.calendar.CalendarManagement;
import vn.tinhso.files.FileManagement;
import vn.tinhso.files.StoredFile;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.Role;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;
import vn.tinhso.units.Structure;
import vn.tinhso.units.UnitId;
import vn.tinhso.units.UnitManagement;

/**
 * Dossiers: drafts, online submission, registration at the desk, reception (receive, ask to
 * supplement, refuse), the applicant's and the agency's views, and the public lookup. Every change
 * is one transaction with its timeline entry and its {@link DossierEvent}; a dossier whose
 * submission was acknowledged has been committed.
 */
@Service
@Transactional(readOnly = true)
public class DossierManagement {

    private final Dossiers dossiers;
    private final ProcedureManagement procedures;
    private final AgencyManagement agencies;
    private final UnitManagement units;
    private final FileManagement files;
    private final CalendarManagement calendar;
    private final IdentityManagement identity;
    private final Receipts receipts;
    private final ServicesSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DossierManagement(Dossiers dossiers, ProcedureManagement procedures, AgencyManagement agencies,
            UnitManagement units, FileManagement files, CalendarManagement calendar, IdentityManagement identity,
            Receipts receipts, ServicesSettings settings, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.agencies = agencies;
        this.units = units;
        this.files = files;
        this.calendar = calendar;
        this.identity = identity;
        this.receipts = receipts;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
    }

    /** The outcome of an API submission: {@code replayed} when the Idempotency-Key was seen before. */
    public record Submission(Dossier dossier, boolean replayed) {
    }

    // ---------------------------------------------------------------- drafts

    /** Starts a draft of the procedure for the signed-in applicant. */
    @Transactional
    public Dossier startDraft(String procedureCode, Long agencyId, SignedInUser user) {
        Procedure procedure = open(procedureCode, Procedure.Channel.ONLINE);
        Agency agency = agencyFor(procedure, agencyId);
        UUID id = UUID.randomUUID();
        Applicant applicant = new Applicant(user.displayName(), null, null, user.email(), null, null);
        dossiers.insert(new Dossiers.Row(id, null, procedure.id(), procedure.code(), procedure.name(), agency.id(),
                Procedure.Channel.ONLINE, DossierStatus.DRAFT, user.accountId(), user.email(), null, applicant,
                Map.of(), Dossier.Delivery.ONLINE, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0));
        return view(dossiers.byId(id, false).orElseThrow());
    }

    /** Saves what the applicant typed, valid or not yet: drafts are checked at submission. */
    @Transactional
    public Dossier saveDraft(UUID id, DossierInput input, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), true);
        requireStatus(row, DossierStatus.DRAFT);
        Applicant a = input.applicant() == null ? row.applicant() : cleanApplicant(input.applicant());
        Map<String, Object> form = new LinkedHashMap<>();
        input.form().forEach((k, v) -> form.put(k, v == null ? null : VietnameseText.clean(String.valueOf(v))));
        dossiers.updateDraft(new Dossiers.Row(id, null, row.procedureId(), null, null, row.agencyId(), row.channel(),
                row.status(), row.ownerAccountId(), row.ownerName(), null, a, form,
                input.delivery() == null ? row.delivery() : input.delivery(),
                blankToNull(input.deliveryAddress()), null, null, null, null, null, null, null, null, null,
                null, null, null, 0));
        return view(dossiers.byId(id, false).orElseThrow());
    }

    /** Deletes a draft of the applicant, with its files. */
    @Transactional
    public void deleteDraft(UUID id, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), true);
        requireStatus(row, DossierStatus.DRAFT);
        dossiers.delete(id);
    }

    /**
     * Adds a document to a draft, or to a dossier asked to be supplemented. The file is checked by
     * its content (type) and size; a refused file leaves the dossier as it was.
     */
    @Transactional
    public DossierDocument attach(UUID id, int slot, Upload upload, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), true);
        if (row.status() != DossierStatus.DRAFT && row.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw TinhSoException.of(ErrorCode.DOSSIER_STATE, row.code());
        }
        Procedure procedure = procedures.get(row.procedureId());
        checkSlot(procedure, slot, "slot");
        if (dossiers.documents(id).size() >= settings.maxDocuments()) {
            throw new TinhSoException(ErrorCode.TOO_MANY_DOCUMENTS, "file", settings.maxDocuments());
        }
        StoredFile file = store(upload, user.email(), "file");
        long documentId = dossiers.addDocument(id, slot, file, row.status() == DossierStatus.SUPPLEMENT_REQUESTED);
        return dossiers.documents(id).stream().filter(d -> d.id() == documentId).findFirst().orElseThrow();
    }

    /** Removes a document from a draft, or a supplement document not yet sent back. */
    @Transactional
    public void detach(UUID id, long documentId, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), true);
        boolean removable = row.status() == DossierStatus.DRAFT || row.status() == DossierStatus.SUPPLEMENT_REQUESTED
                && dossiers.documents(id).stream().anyMatch(d -> d.id() == documentId && d.supplement());
        if (!removable || !dossiers.removeDocument(id, documentId)) {
            throw TinhSoException.of(ErrorCode.DOSSIER_STATE, String.valueOf(row.code()));
        }
    }

    /**
     * Submits a draft: checks it whole (INVALID_INPUT with every problem), gives it its code and
     * sends it to the desk. Submitting an already submitted dossier returns it unchanged (a double
     * click or a retry creates nothing).
     */
    @Transactional
    public Dossier submitDraft(UUID id, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), true);
        if (row.status() != DossierStatus.DRAFT) {
            return view(row);
        }
        Procedure procedure = open(row.procedureCode(), Procedure.Channel.ONLINE);
        List<Violation> violations = new ArrayList<>();
        Applicant applicant = checkApplicant(row.applicant(), violations);
        Map<String, Object> form = EFormValidator.validate(procedure.form(), row.form(), "form.", lookups(user),
                violations);
        checkDelivery(row.delivery(), row.deliveryAddress(), violations);
        checkRequiredDocuments(procedure, dossiers.documents(id), violations);
        InvalidInput.throwIfAny(violations);
        Agency agency = agencies.get(row.agencyId());
        Instant now = now();
        Instant due = calendar.addWorkingHours(now, Duration.ofHours(settings.receptionWorkingHours()), agency.id());
        dossiers.updateSubmitted(id, applicant, form);
        dossiers.addEntry(id, "submitted", DossierStatus.SUBMITTED, user.displayName(), null);
        dossiers.transition(id, DossierStatus.DRAFT, DossierStatus.SUBMITTED, columns("code", nextCode(agency, now),
                "submitted_at", Dossiers.ts(now), "reception_due_at", Dossiers.ts(due)));
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        events.publishEvent(new DossierEvent.Submitted(facts(saved, agency), due, Actor.current()));
        return view(saved);
    }

    /** What still stops a draft from being submitted: every problem at once; empty when it is ready. */
    public List<Violation> problems(UUID id, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), false);
        Procedure procedure = procedures.get(row.procedureId());
        List<Violation> violations = new ArrayList<>();
        checkApplicant(row.applicant(), violations);
        EFormValidator.validate(procedure.form(), row.form(), "form.", lookups(user), violations);
        checkDelivery(row.delivery(), row.deliveryAddress(), violations);
        checkRequiredDocuments(procedure, dossiers.documents(id), violations);
        return violations;
    }

    /** The procedure of a dossier, as it is now. */
    public Procedure procedure(Dossier dossier) {
        return procedures.get(dossier.procedureCode());
    }

    // ---------------------------------------------------------------- one-step submission (API)

    /**
     * Submits a whole dossier at once (the API): the input, files uploaded before (by id) and files
     * sent with it. With an idempotency key, a repeated request returns the first dossier; the same
     * key with another request is IDEMPOTENCY_KEY_REUSED.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Submission submit(DossierInput input, Map<Integer, List<Upload>> uploads, String idempotencyKey,
            String requestHash, SignedInUser user) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "Idempotency-Key", "Idempotency-Key");
        }
        if (key != null) {
            var replay = replay(user.accountId(), key, requestHash);
            if (replay != null) {
                return replay;
            }
        }
        try {
            return tx.execute(status -> new Submission(create(input, uploads, key, requestHash, user), false));
        } catch (DuplicateKeyException e) {
            var replay = key == null ? null : replay(user.accountId(), key, requestHash);
            if (replay == null) {
                throw e;
            }
            return replay;
        }
    }

    private Submission replay(long owner, String key, String hash) {
        return dossiers.byIdempotencyKey(owner, key).map(row -> {
            if (!Objects.equals(row.requestHash(), hash)) {
                throw new TinhSoException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key");
            }
            return new Submission(view(row), true);
        }).orElse(null);
    }

    private Dossier create(DossierInput input, Map<Integer, List<Upload>> uploads, String key, String hash,
            SignedInUser user) {
        Procedure procedure = open(input.procedureCode(), Procedure.Channel.ONLINE);
        List<Violation> violations = new ArrayList<>();
        Agency agency = agencyFor(procedure, input.agencyId(), violations);
        Applicant applicant = checkApplicant(input.applicant(), violations);
        Map<String, Object> form = EFormValidator.validate(procedure.form(), input.form(), "form.", lookups(user),
                violations);
        checkDelivery(input.delivery(), input.deliveryAddress(), violations);
        List<Attached> attached = attachments(procedure, input.files(), uploads, user, violations);
        checkRequiredDocuments(procedure, attached.stream().map(a -> new DossierDocument(0, a.slot(), a.file().id(),
                a.file().name(), a.file().contentType(), a.file().size(), a.file().sha256(), false, null)).toList(),
                violations);
        InvalidInput.throwIfAny(violations);
        Instant now = now();
        UUID id = UUID.randomUUID();
        Instant due = calendar.addWorkingHours(now, Duration.ofHours(settings.receptionWorkingHours()), agency.id());
        // Written as a draft first; the code is taken last, so that the day's counter row stays locked
        // only for the final update and the commit (concurrent submissions to one agency queue there).
        dossiers.insert(new Dossiers.Row(id, null, procedure.id(), procedure.code(), procedure.name(), agency.id(),
                Procedure.Channel.ONLINE, DossierStatus.DRAFT, user.accountId(), user.email(), null, applicant,
                form, input.delivery(), blankToNull(input.deliveryAddress()), key, hash, null, null, null,
                null, null, null, null, null, null, null, 0));
        attached.forEach(a -> dossiers.addDocument(id, a.slot(), a.file(), false));
        dossiers.addEntry(id, "submitted", DossierStatus.SUBMITTED, user.displayName(), null);
        dossiers.transition(id, DossierStatus.DRAFT, DossierStatus.SUBMITTED, columns("code", nextCode(agency, now),
                "submitted_at", Dossiers.ts(now), "reception_due_at", Dossiers.ts(due)));
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        events.publishEvent(new DossierEvent.Submitted(facts(saved, agency), due, Actor.current()));
        return view(saved);
    }

    // ---------------------------------------------------------------- the desk

    /**
     * Registers a dossier received in person or by post on the applicant's behalf: it is received at
     * once, with its appointment date and receipt. If the applicant's e-mail belongs to a citizen
     * account, the dossier appears in that account's dossiers.
     */
    @Transactional
    public Dossier register(DossierInput input, Procedure.Channel channel, Map<Integer, List<Upload>> uploads,
            SignedInUser officer) {
        if (channel == Procedure.Channel.ONLINE) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "channel", "channel");
        }
        Procedure procedure = open(input.procedureCode(), channel);
        List<Violation> violations = new ArrayList<>();
        Agency agency = agencyFor(procedure, input.agencyId(), violations);
        if (agency != null && !officer.actsFor(agency.id())) {
            throw new TinhSoException(ErrorCode.FORBIDDEN);
        }
        Applicant applicant = checkApplicant(input.applicant(), violations);
        Map<String, Object> form = EFormValidator.validate(procedure.form(), input.form(), "form.",
                lookups(officer), violations);
        checkDelivery(input.delivery(), input.deliveryAddress(), violations);
        List<Attached> attached = attachments(procedure, input.files(), uploads, officer, violations);
        InvalidInput.throwIfAny(violations);
        Long owner = applicant.email() == null ? null : identity.findByEmail(applicant.email())
                .filter(a -> a.has(Role.CITIZEN)).map(a -> a.id()).orElse(null);
        Instant now = now();
        UUID id = UUID.randomUUID();
        String code = nextCode(agency, now);
        Instant appointment = appointment(procedure, channel, now, agency.id());
        dossiers.insert(new Dossiers.Row(id, code, procedure.id(), procedure.code(), procedure.name(), agency.id(),
                channel, DossierStatus.RECEIVED, owner, applicant.email(), officer.email(), applicant, form,
                input.delivery(), blankToNull(input.deliveryAddress()), null, null, null, null, null,
                officer.displayName(), now, null, now, appointment, null, null, 0));
        attached.forEach(a -> dossiers.addDocument(id, a.slot(), a.file(), false));
        dossiers.addEntry(id, "registered", DossierStatus.RECEIVED, officer.displayName(), null);
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        UUID receipt = issueReceipt(saved, agency, procedure, officer.displayName());
        events.publishEvent(new DossierEvent.Received(facts(saved, agency), appointment, receipt, Actor.current()));
        return view(dossiers.byId(id, false).orElseThrow());
    }

    /** Receives a submitted dossier: the appointment date is set and the receipt issued. */
    @Transactional
    public Dossier receive(UUID id, SignedInUser officer) {
        Dossiers.Row row = forDesk(id, officer, true);
        requireStatus(row, DossierStatus.SUBMITTED);
        Procedure procedure = procedures.get(row.procedureId());
        Agency agency = agencies.get(row.agencyId());
        Instant now = now();
        Instant appointment = appointment(procedure, row.channel(), now, agency.id());
        dossiers.transition(id, DossierStatus.SUBMITTED, DossierStatus.RECEIVED, columns("received_at",
                Dossiers.ts(now), "received_by", officer.displayName(), "appointment_at", Dossiers.ts(appointment)));
        dossiers.addEntry(id, "received", DossierStatus.RECEIVED, officer.displayName(), null);
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        UUID receipt = issueReceipt(saved, agency, procedure, officer.displayName());
        events.publishEvent(new DossierEvent.Received(facts(saved, agency), appointment, receipt, Actor.current()));
        return view(dossiers.byId(id, false).orElseThrow());
    }

    /**
     * Asks, once and for all, for documents to be added or corrected (at least one item or a note).
     * A second request for the same dossier is SUPPLEMENT_ALREADY_REQUESTED: the desk then receives or
     * refuses it.
     */
    @Transactional
    public Dossier requestSupplement(UUID id, String note, List<String> items, SignedInUser officer) {
        Dossiers.Row row = forDesk(id, officer, true);
        requireStatus(row, DossierStatus.SUBMITTED);
        if (row.supplement() != null) {
            // Decree 118/2025/NĐ-CP art. 11(2)(c) and 16(3): the desk asks once, for everything at once.
            throw TinhSoException.of(ErrorCode.SUPPLEMENT_ALREADY_REQUESTED, row.code());
        }
        List<String> list = items == null ? List.of() : items.stream().map(VietnameseText::clean)
                .filter(s -> s != null && !s.isEmpty()).toList();
        String text = VietnameseText.clean(note);
        if (list.isEmpty() && (text == null || text.isEmpty())) {
            throw new InvalidInput(List.of(new Violation("items", "invalid.supplement_items")));
        }
        if (list.stream().anyMatch(s -> s.length() > 500) || (text != null && text.length() > 2000)) {
            throw new InvalidInput(List.of(new Violation("note", "invalid.too_long", 2000)));
        }
        Dossier.Supplement supplement = new Dossier.Supplement(text, list, now(), officer.displayName());
        dossiers.transition(id, DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED,
                columns("supplement", supplement));
        String notice = String.join("; ", list) + (text == null || text.isEmpty() ? "" : (list.isEmpty() ? "" : ". ") + text);
        dossiers.addEntry(id, "supplement_requested", DossierStatus.SUPPLEMENT_REQUESTED, officer.displayName(), notice);
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        events.publishEvent(new DossierEvent.SupplementRequested(facts(saved, agencies.get(row.agencyId())), notice,
                Actor.current()));
        return view(saved);
    }

    /** Sends a supplemented dossier back to the desk; it needs at least one new document. */
    @Transactional
    public Dossier resubmit(UUID id, SignedInUser user) {
        Dossiers.Row row = owned(id, user.accountId(), true);
        if (row.status() == DossierStatus.SUBMITTED) {
            return view(row);
        }
        requireStatus(row, DossierStatus.SUPPLEMENT_REQUESTED);
        boolean added = dossiers.documents(id).stream().anyMatch(d -> d.supplement()
                && d.addedAt().isAfter(row.supplement().requestedAt()));
        if (!added) {
            throw new InvalidInput(List.of(new Violation("file", "invalid.supplement_missing")));
        }
        Agency agency = agencies.get(row.agencyId());
        Instant now = now();
        Instant due = calendar.addWorkingHours(now, Duration.ofHours(settings.receptionWorkingHours()), agency.id());
        dossiers.transition(id, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.SUBMITTED,
                columns("reception_due_at", Dossiers.ts(due)));
        dossiers.addEntry(id, "supplemented", DossierStatus.SUBMITTED, user.displayName(), null);
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        events.publishEvent(new DossierEvent.Supplemented(facts(saved, agency), Actor.current()));
        return view(saved);
    }

    /** Refuses a submitted dossier (or one waiting for a supplement) with a reason the applicant reads. */
    @Transactional
    public Dossier refuse(UUID id, String reason, SignedInUser officer) {
        Dossiers.Row row = forDesk(id, officer, true);
        if (row.status() != DossierStatus.SUBMITTED && row.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw TinhSoException.of(ErrorCode.DOSSIER_STATE, row.code());
        }
        String text = VietnameseText.clean(reason);
        if (text == null || text.length() < 5 || text.length() > 2000) {
            throw new InvalidInput(List.of(new Violation("reason", "invalid.refusal_reason")));
        }
        dossiers.transition(id, row.status(), DossierStatus.REFUSED, columns("refusal_reason", text,
                "closed_at", Dossiers.ts(now())));
        dossiers.addEntry(id, "refused", DossierStatus.REFUSED, officer.displayName(), text);
        Dossiers.Row saved = dossiers.byId(id, false).orElseThrow();
        events.publishEvent(new DossierEvent.Refused(facts(saved, agencies.get(row.agencyId())), text,
                Actor.current()));
        return view(saved);
    }

    // ---------------------------------------------------------------- reads

    /** The applicant's own dossier; DOSSIER_NOT_FOUND for anyone else's. */
    public Dossier ofOwner(UUID id, long accountId) {
        return view(owned(id, accountId, false));
    }

    /** A dossier of the officer's agencies; DOSSIER_NOT_FOUND for other agencies' and for drafts. */
    public Dossier ofDesk(UUID id, SignedInUser officer) {
        return view(forDesk(id, officer, false));
    }

    public List<DossierEntry> timeline(Dossier dossier) {
        return dossiers.timeline(dossier.id());
    }

    /** The applicant's dossiers, drafts included, most recently changed first. */
    public PageResult<Dossier> mine(long accountId, PageResult.Request paging) {
        PageResult<Dossiers.Row> page = dossiers.ofOwner(accountId, paging);
        return new PageResult<>(views(page.items(), false), page.page(), page.size(), page.total());
    }

    /** Dossiers of the officer's agencies in the statuses (default: waiting for reception), oldest first. */
    public PageResult<Dossier> inbox(SignedInUser officer, Collection<DossierStatus> statuses, String text,
            PageResult.Request paging) {
        Set<DossierStatus> wanted = statuses == null || statuses.isEmpty() ? Set.of(DossierStatus.SUBMITTED)
                : Set.copyOf(statuses);
        if (wanted.contains(DossierStatus.DRAFT)) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "status", "status");
        }
        String q = text == null || text.isBlank() ? null : VietnameseText.clean(text);
        PageResult<Dossiers.Row> page = dossiers.inbox(deskAgencies(officer), wanted, q, paging);
        return new PageResult<>(views(page.items(), false), page.page(), page.size(), page.total());
    }

    /** Counts by status of the officer's agencies' dossiers, and how many wait past their reception time. */
    public InboxCounts counts(SignedInUser officer) {
        Set<Long> desk = deskAgencies(officer);
        return new InboxCounts(dossiers.counts(desk), dossiers.overdue(desk, now()));
    }

    /** Counts for the inbox's tabs. */
    public record InboxCounts(Map<DossierStatus, Long> byStatus, long overdue) {
        public long of(DossierStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /**
     * The public status of a dossier given its code and the last four digits of the applicant's phone
     * or ID number. A wrong code and wrong digits give the same DOSSIER_NOT_FOUND.
     */
    public PublicStatus lookup(String code, String digits) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        String d = digits == null ? "" : digits.strip();
        if (!d.matches("\\d{4}") || !dossiers.lookupMatches(c, d)) {
            throw TinhSoException.of(ErrorCode.DOSSIER_NOT_FOUND, c);
        }
        Dossiers.Row row = dossiers.byCode(c).orElseThrow();
        return new PublicStatus(row.code(), row.status(), row.procedureName(), agencies.get(row.agencyId()).name(),
                row.submittedAt(), row.receivedAt(), row.appointmentAt());
    }

    /** The content of one of the dossier's documents, to be closed by the caller. */
    public InputStream documentContent(Dossier dossier, long documentId) {
        DossierDocument document = dossier.documents().stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> TinhSoException.of(ErrorCode.FILE_NOT_FOUND, String.valueOf(documentId)));
        return files.open(document.fileId());
    }

    /** The receipt slip (PDF), once the dossier was received. */
    public InputStream receipt(Dossier dossier) {
        if (dossier.receiptFileId() == null) {
            throw TinhSoException.of(ErrorCode.FILE_NOT_FOUND, dossier.code());
        }
        return files.open(dossier.receiptFileId());
    }

    /** The commune People's Committees in service: where commune procedures are submitted. */
    public List<Agency> communeAgencies() {
        return agencies.all().stream().filter(a -> a.level() == AgencyLevel.COMMUNE && a.active()).toList();
    }

    /** Agencies whose dossiers the officer handles. */
    public Set<Long> deskAgencies(SignedInUser officer) {
        Set<Long> ids = new java.util.HashSet<>(officer.agencies(Role.OFFICER));
        ids.addAll(officer.agencies(Role.LEADER));
        return ids;
    }

    // ---------------------------------------------------------------- internals

    private record Attached(int slot, StoredFile file) {
    }

    private Procedure open(String code, Procedure.Channel channel) {
        Procedure procedure = procedures.get(code == null ? "" : code);
        if (procedure.status() == ProcedureStatus.DRAFT) {
            throw TinhSoException.of(ErrorCode.PROCEDURE_NOT_FOUND, code);
        }
        if (procedure.status() != ProcedureStatus.PUBLISHED || !procedure.offers(channel)) {
            throw new TinhSoException(ErrorCode.PROCEDURE_NOT_AVAILABLE, "procedure", procedure.name());
        }
        return procedure;
    }

    private Agency agencyFor(Procedure procedure, Long agencyId) {
        List<Violation> violations = new ArrayList<>();
        Agency agency = agencyFor(procedure, agencyId, violations);
        InvalidInput.throwIfAny(violations);
        return agency;
    }

    /**
     * The receiving agency: the procedure's provincial agency, or for commune procedures the commune
     * People's Committee the applicant chose.
     */
    private Agency agencyFor(Procedure procedure, Long agencyId, List<Violation> violations) {
        if (procedure.agencyCode() != null && (agencyId == null || !procedure.performedAt(Procedure.Level.COMMUNE))) {
            return agencies.findByCode(procedure.agencyCode())
                    .orElseThrow(() -> new TinhSoException(ErrorCode.PROCEDURE_NOT_AVAILABLE, "procedure",
                            procedure.name()));
        }
        Agency agency = agencyId == null ? null : agencies.find(agencyId).orElse(null);
        if (agency == null || !agency.active() || agency.level() != AgencyLevel.COMMUNE) {
            violations.add(new Violation("agencyId", "invalid.commune_agency"));
            return null;
        }
        return agency;
    }

    private Dossiers.Row owned(UUID id, long accountId, boolean lock) {
        return dossiers.byId(id, lock).filter(r -> r.ownerAccountId() != null && r.ownerAccountId() == accountId)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.DOSSIER_NOT_FOUND, String.valueOf(id)));
    }

    private Dossiers.Row forDesk(UUID id, SignedInUser officer, boolean lock) {
        return dossiers.byId(id, lock).filter(r -> r.status() != DossierStatus.DRAFT && officer.actsFor(r.agencyId()))
                .orElseThrow(() -> TinhSoException.of(ErrorCode.DOSSIER_NOT_FOUND, String.valueOf(id)));
    }

    private static void requireStatus(Dossiers.Row row, DossierStatus status) {
        if (row.status() != status) {
            throw TinhSoException.of(ErrorCode.DOSSIER_STATE, String.valueOf(row.code()));
        }
    }

    private String nextCode(Agency agency, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, Zones.VIETNAM);
        int sequence = dossiers.nextSequence(agency.code(), day);
        return agency.code() + "-" + day.format(DateTimeFormatter.ofPattern(settings.codeDatePattern())) + "-"
                + String.format("%0" + settings.codeSequenceDigits() + "d", sequence);
    }

    /** The appointment date: the processing time of the channel, in the agency's working time. */
    Instant appointment(Procedure procedure, Procedure.Channel channel, Instant from, long agencyId) {
        Procedure.Method method = procedure.methodFor(channel);
        Instant at = from;
        if (method.days() > 0) {
            at = calendar.addWorkingDays(at, method.days(), agencyId);
        }
        if (method.hours() != null && method.hours() > 0) {
            at = calendar.addWorkingHours(at, Duration.ofHours(method.hours()), agencyId);
        }
        return at;
    }

    private UUID issueReceipt(Dossiers.Row row, Agency agency, Procedure procedure, String officerName) {
        UUID receipt = receipts.issue(view(row), agency, procedure, officerName);
        dossiers.setReceipt(row.id(), receipt);
        return receipt;
    }

    private StoredFile store(Upload upload, String owner, String field) {
        StoredFile file = files.store(upload.content(), upload.name(), owner);
        checkDocument(file, field);
        return file;
    }

    /** Dossier documents have narrower rules than files in general: types and size of settings. */
    private void checkDocument(StoredFile file, String field) {
        if (!settings.documentTypes().contains(file.contentType())) {
            throw new TinhSoException(ErrorCode.DOCUMENT_TYPE_FORBIDDEN, field, file.name());
        }
        if (file.size() > settings.maxDocumentSize().toBytes()) {
            throw new TinhSoException(ErrorCode.DOCUMENT_TOO_LARGE, field, file.name(),
                    settings.maxDocumentSizeText());
        }
    }

    private List<Attached> attachments(Procedure procedure, Map<Integer, List<UUID>> ids,
            Map<Integer, List<Upload>> uploads, SignedInUser user, List<Violation> violations) {
        List<Attached> attached = new ArrayList<>();
        ids.forEach((slot, list) -> {
            if (checkSlot(procedure, slot, "files[" + slot + "]", violations)) {
                for (UUID fileId : list) {
                    StoredFile file = usableFile(fileId, user);
                    if (file == null) {
                        violations.add(new Violation("files[" + slot + "]", "invalid.file"));
                    } else {
                        checkDocument(file, "files[" + slot + "]");
                        attached.add(new Attached(slot, file));
                    }
                }
            }
        });
        uploads.forEach((slot, list) -> {
            if (checkSlot(procedure, slot, "document." + slot, violations)) {
                for (Upload upload : list) {
                    attached.add(new Attached(slot, store(upload, user.email(), "document." + slot)));
                }
            }
        });
        if (attached.size() > settings.maxDocuments()) {
            throw new TinhSoException(ErrorCode.TOO_MANY_DOCUMENTS, "files", settings.maxDocuments());
        }
        return attached;
    }

    private StoredFile usableFile(UUID id, SignedInUser user) {
        try {
            StoredFile file = files.get(id);
            return file.owner().equals(user.email()) ? file : null;
        } catch (TinhSoException e) {
            return null;
        }
    }

    private static void checkSlot(Procedure procedure, int slot, String field) {
        List<Violation> violations = new ArrayList<>();
        checkSlot(procedure, slot, field, violations);
        InvalidInput.throwIfAny(violations);
    }

    private static boolean checkSlot(Procedure procedure, Integer slot, String field, List<Violation> violations) {
        if (slot == null || slot < 0 || slot > procedure.documents().size()) {
            violations.add(new Violation(field, "invalid.document_slot"));
            return false;
        }
        return true;
    }

    private static void checkRequiredDocuments(Procedure procedure, List<DossierDocument> documents,
            List<Violation> violations) {
        Set<Integer> present = documents.stream().map(DossierDocument::slot).collect(Collectors.toSet());
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (procedure.documents().get(i).required() && !present.contains(i)) {
                violations.add(new Violation("document." + i, "invalid.document_missing",
                        procedure.documents().get(i).name()));
            }
        }
    }

    private static void checkDelivery(Dossier.Delivery delivery, String address, List<Violation> violations) {
        if (delivery == null) {
            violations.add(new Violation("delivery", "invalid.required"));
        } else if (delivery == Dossier.Delivery.POST && (address == null || address.isBlank())) {
            violations.add(new Violation("deliveryAddress", "invalid.required"));
        } else if (address != null && address.length() > 500) {
            violations.add(new Violation("deliveryAddress", "invalid.too_long", 500));
        }
    }

    private static Applicant cleanApplicant(Applicant a) {
        return new Applicant(VietnameseText.clean(a.name()), VietnameseText.clean(a.idNumber()),
                VietnameseText.clean(a.phone()), VietnameseText.clean(a.email()), VietnameseText.clean(a.address()),
                VietnameseText.clean(a.organisation()));
    }

    /** Checks the applicant: name, ID number or tax code, phone required; e-mail and address optional. */
    static Applicant checkApplicant(Applicant raw, List<Violation> violations) {
        Applicant a = raw == null ? new Applicant(null, null, null, null, null, null) : cleanApplicant(raw);
        if (a.name() == null || a.name().isEmpty()) {
            violations.add(new Violation("applicant.name", "invalid.required"));
        } else if (a.name().length() > 200) {
            violations.add(new Violation("applicant.name", "invalid.too_long", 200));
        }
        boolean organisation = a.organisation() != null && !a.organisation().isEmpty();
        if (a.idNumber() == null || a.idNumber().isEmpty()) {
            violations.add(new Violation("applicant.idNumber", "invalid.required"));
        } else if (organisation ? !a.idNumber().matches("\\d{10}(-\\d{3})?")
                : !EFormValidator.ID_NUMBER.matcher(a.idNumber()).matches()) {
            violations.add(new Violation("applicant.idNumber", organisation ? "invalid.tax_code" : "invalid.id_number"));
        }
        String phone = a.phone() == null || a.phone().isEmpty() ? null : EFormValidator.phone(a.phone());
        if (a.phone() == null || a.phone().isEmpty()) {
            violations.add(new Violation("applicant.phone", "invalid.required"));
        } else if (phone == null) {
            violations.add(new Violation("applicant.phone", "invalid.phone"));
        }
        String email = a.email() == null || a.email().isEmpty() ? null : a.email();
        if (email != null && (email.length() > 254 || !EFormValidator.EMAIL.matcher(email).matches())) {
            violations.add(new Violation("applicant.email", "invalid.email"));
        }
        if (a.address() != null && a.address().length() > 500) {
            violations.add(new Violation("applicant.address", "invalid.too_long", 500));
        }
        return new Applicant(a.name(), a.idNumber(), phone == null ? a.phone() : phone, email,
                a.address() == null || a.address().isEmpty() ? null : a.address(), organisation ? a.organisation() : null);
    }

    private EFormValidator.Lookups lookups(SignedInUser user) {
        return new EFormValidator.Lookups() {
            @Override
            public boolean unitExists(String code) {
                try {
                    return units.find(UnitId.of("2025", code)).isPresent();
                } catch (TinhSoException | IllegalArgumentException e) {
                    return false;
                }
            }

            @Override
            public boolean fileUsable(UUID id) {
                StoredFile file = usableFile(id, user);
                return file != null && settings.documentTypes().contains(file.contentType());
            }
        };
    }

    private DossierEvent.Facts facts(Dossiers.Row row, Agency agency) {
        return new DossierEvent.Facts(row.id(), row.code(), row.ownerAccountId(), row.applicant().email(),
                row.applicant().name(), row.procedureName(), agency.name());
    }

    private static Map<String, Object> columns(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String blankToNull(String text) {
        String clean = VietnameseText.clean(text);
        return clean == null || clean.isEmpty() ? null : clean;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Dossier view(Dossiers.Row row) {
        return views(List.of(row), true).get(0);
    }

    private List<Dossier> views(List<Dossiers.Row> rows, boolean withDocuments) {
        Map<Long, Agency> byId = new HashMap<>();
        for (Dossiers.Row row : rows) {
            byId.computeIfAbsent(row.agencyId(), id -> agencies.find(id).orElse(null));
        }
        return rows.stream().map(r -> {
            Agency agency = byId.get(r.agencyId());
            return new Dossier(r.id(), r.code(), r.procedureCode(), r.procedureName(), r.agencyId(),
                    agency == null ? null : agency.code(), agency == null ? null : agency.name(), r.channel(),
                    r.status(), r.ownerAccountId(), r.applicant(), r.form(), r.delivery(), r.deliveryAddress(),
                    r.supplement(), r.refusalReason(), r.receiptFileId(), r.receivedBy(), r.submittedAt(),
                    r.receptionDueAt(), r.receivedAt(), r.appointmentAt(), r.createdAt(), r.updatedAt(),
                    withDocuments ? dossiers.documents(r.id()) : List.of());
        }).toList();
    }
}
