package dev.jostle.stress.realworld;

/**
 * One data race as Jostle reports it: the field and the sites of its two accesses, each written
 * {@code Class.method(File.java:line)}, with the test it was seen in.
 */
record Race(String field, String siteA, String siteB, String test) {

    /** Whether both races are on the same field between the same two sites, in either order. */
    boolean samePlaceAs(String otherField, String otherA, String otherB) {
        return field.equals(otherField)
                && (siteA.equals(otherA) && siteB.equals(otherB) || siteA.equals(otherB) && siteB.equals(otherA));
    }

    /** The place without the test, so that one race seen by several tests is counted once. */
    String place() {
        return siteA.compareTo(siteB) <= 0
                ? field + " | " + siteA + " | " + siteB
                : field + " | " + siteB + " | " + siteA;
    }

    /** The class of a site: {@code a.b.C$D} from {@code a.b.C$D.method(C.java:12)}. */
    static String classOf(String site) {
        String call = site.contains("(") ? site.substring(0, site.indexOf('(')) : site;
        int dot = call.lastIndexOf('.');
        return dot < 0 ? call : call.substring(0, dot);
    }
}
