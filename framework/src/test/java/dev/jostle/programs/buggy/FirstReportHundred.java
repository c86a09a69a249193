package dev.jostle.programs.buggy;

/**
 * Order violation, 101 threads behind a start gate, 5 ms margin: one reporter must get past 100 workers
 * before any of them records a sample (see {@link FirstReport}).
 */
public class FirstReportHundred {
    public static void main(String[] args) throws InterruptedException {
        FirstReport.run(100);
    }
}
