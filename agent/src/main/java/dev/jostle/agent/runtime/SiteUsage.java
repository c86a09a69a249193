package dev.jostle.agent.runtime;

import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;

/**
 * How one site was used during a recorded round.
 *
 * @param site    the site id
 * @param hits    how many times it was reached
 * @param threads how many distinct threads reached it (counted up to a small cap)
 */
public record SiteUsage(int site, long hits, int threads) {

    /** The registered description of the site, or null. */
    public Site describe() {
        return Sites.get(site);
    }
}
