package vn.tinhso.services;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import vn.tinhso.units.Agency;

/** Procedures and dossiers for services tests: each test makes its own, so tests do not share state. */
final class ServiceFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ServiceFixtures() {
    }

    /** A fresh procedure code of the national shape, unique in the test run. */
    static String code() {
        return "9.%06d.000.00.00.H56".formatted(NEXT.incrementAndGet() + (int) (Math.abs(UUID.randomUUID()
                .getMostSignificantBits()) % 900_000));
    }

    /** A published province procedure of the agency: two required documents, one optional, an e-form. */
    static ProcedureInput procedure(String code, Agency agency, String name) {
        return new ProcedureInput(code, name, "ho-tich", List.of(Procedure.Level.PROVINCE), agency.code(),
                Procedure.OnlineLevel.FULL, "Công dân Việt Nam",
                List.of(new Procedure.Method(Procedure.Channel.ONLINE, 5, null, null),
                        new Procedure.Method(Procedure.Channel.DIRECT, 5, null, null)),
                List.of(new Procedure.Fee("Lệ phí", Procedure.FeeKind.FIXED, 50_000L)),
                List.of(new Procedure.RequiredDocument("Tờ khai", 1, 0, true, "Mẫu số 01"),
                        new Procedure.RequiredDocument("Bản chụp Căn cước", 0, 1, true, null),
                        new Procedure.RequiredDocument("Giấy ủy quyền", 1, 0, false, null)),
                "Giấy xác nhận", List.of("Luật Hộ tịch số 60/2014/QH13"), null,
                new EForm(List.of(
                        field("fullName", EForm.FieldType.TEXT, true),
                        field("birthDate", EForm.FieldType.DATE, true),
                        field("ownerId", EForm.FieldType.ID_NUMBER, true),
                        field("phone", EForm.FieldType.PHONE, false),
                        new EForm.Field("copies", "Số bản", null, EForm.FieldType.NUMBER, true, null,
                                java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, null, null, null))),
                ProcedureStatus.PUBLISHED, null);
    }

    static EForm.Field field(String name, EForm.FieldType type, boolean required) {
        return new EForm.Field(name, name, null, type, required, null, null, null, null, null, null);
    }

    /** A valid JSON dossier request for the procedure, with the given uploaded file ids. */
    static Map<String, Object> dossier(String procedure, String phone, Map<String, List<String>> files) {
        return Map.of("procedure", procedure,
                "applicant", Map.of("name", "Nguyễn Thị Hồng Nhung", "idNumber", "038190012345", "phone", phone,
                        "email", "nhung@example.vn", "address", "Phường Hạc Thành, tỉnh Thanh Hóa"),
                "form", Map.of("fullName", "Nguyễn Thị Hồng Nhung", "birthDate", "05/09/1990",
                        "ownerId", "038190012345", "copies", 2),
                "delivery", "ONLINE", "files", files);
    }
}
