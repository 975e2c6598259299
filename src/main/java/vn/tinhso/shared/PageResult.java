package vn.tinhso.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results as every {@code /api/v1} list returns it: {@code {items, page, size, total}}. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public PageResult {
        items = List.copyOf(items);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** Validated paging request: page from 0, size 1..{@value #MAX_SIZE}. */
    public record Request(int page, int size) {
        public Request {
            if (page < 0) {
                throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "page", "page");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "size", "size");
            }
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
