package io.github.dlcareer.advisor.cli;

import org.kie.api.KieServices;
import picocli.CommandLine.IVersionProvider;

/** The advisor's version (from the jar's manifest) and the Drools version it runs on. */
final class Versions implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
                "dl-career-advisor " + orUnknown(Versions.class.getPackage().getImplementationVersion()),
                "Drools " + orUnknown(KieServices.class.getPackage().getImplementationVersion()),
                "Java " + Runtime.version()};
    }

    private static String orUnknown(String version) {
        return version == null ? "(development build)" : version;
    }
}
