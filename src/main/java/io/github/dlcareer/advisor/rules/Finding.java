package io.github.dlcareer.advisor.rules;

import java.util.List;
import java.util.Objects;

/**
 * Something the rules derived about the person, such as {@code theory-strong} or a {@code scientist-trait}
 * with the detail {@code perseverance}. Classification rules insert findings (with {@code insertLogical});
 * topic rules match them: {@code Finding( name == "theory-strong" )}.
 *
 * <p>Two findings are equal when their name and detail are: a finding derived twice is one fact. It
 * remembers the profile facts it rests on, so that advice built on it can say why.
 *
 * @param name    what was found; never null
 * @param detail  which one, when a name has several (may be null)
 * @param because the profile facts it rests on, as {@code path = value}
 */
public record Finding(String name, String detail, List<String> because) {

    public Finding {
        Objects.requireNonNull(name, "name");
        because = List.copyOf(because);
    }

    // Equality leaves out 'because' on purpose: truth maintenance must see one finding, however derived.
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that && name.equals(that.name) && Objects.equals(detail, that.detail);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Objects.hashCode(detail);
    }

    @Override
    public String toString() {
        return detail == null ? name : name + "(" + detail + ")";
    }
}
