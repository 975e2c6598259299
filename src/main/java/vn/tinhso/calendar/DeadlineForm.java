package vn.tinhso.calendar;

/**
 * The public page's deadline calculator, as typed: a moment, an amount and its unit
 * ({@code DAYS} or {@code HOURS}).
 */
class DeadlineForm {

    private String from;
    private String amount;
    private String unit = "DAYS";

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    boolean isEmpty() {
        return (from == null || from.isBlank()) && (amount == null || amount.isBlank());
    }

    boolean inHours() {
        return "HOURS".equalsIgnoreCase(unit);
    }
}
