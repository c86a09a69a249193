package dev.jostle.hunt;

import java.time.Duration;
import picocli.CommandLine;

/** A duration option's value, read by the one duration grammar that {@code @Jostled} and {@code hunt} share. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private final String option;

    /** @param option the option it reads, named in the error */
    DurationConverter(String option) {
        this.option = option;
    }

    @Override
    public Duration convert(String value) throws UsageException {
        return Durations.parse(option, value);
    }
}
