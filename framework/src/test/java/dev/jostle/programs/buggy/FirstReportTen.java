package dev.jostle.programs.buggy;

/**
 * Order violation, 11 threads behind a start gate, 5 ms margin: one reporter must get past 10 workers
 * before any of them records a sample (see {@link FirstReport}).
 */
public class FirstReportTen {
    public static void main(String[] args) throws InterruptedException {
        FirstReport.run(10);
    }
}
