package vn.tinhso.calendar;

/** The administrator's form for a make-up working day or a day off, as typed, so it is never lost. */
class AdjustmentForm {

    private String date;
    private String kind = AdjustmentKind.WORKING_DAY.name();
    private String reason;

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
