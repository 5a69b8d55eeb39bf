package dev.openesc.server.service;

import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.Page;
import dev.openesc.api.RevisionRetraction;
import dev.openesc.server.store.EnvironmentId;
import dev.openesc.server.store.EnvironmentInfo;
import dev.openesc.server.store.RevisionSummary;
import dev.openesc.server.store.RevisionTag;
import java.util.List;
import java.util.function.Function;

/** The store's records as the API's. */
final class ApiViews {

    private ApiViews() {
    }

    static EnvironmentId id(EnvironmentRef ref) {
        return new EnvironmentId(ref.org(), ref.project(), ref.name());
    }

    static OrgEnvironment environment(EnvironmentInfo info) {
        EnvironmentId id = info.id();
        return new OrgEnvironment(new EnvironmentRef(id.org(), id.project(), id.name()), info.created(),
                info.modified());
    }

    static EnvironmentRevision revision(RevisionSummary summary) {
        dev.openesc.server.store.Retraction r = summary.retraction();
        return new EnvironmentRevision(summary.number(), summary.created(), summary.creatorLogin(),
                summary.creatorName(), summary.tags(), r == null ? null
                : new RevisionRetraction(r.replacement(), r.at(), r.byLogin(), r.byName(), r.reason()));
    }

    static EnvironmentRevisionTag revisionTag(RevisionTag tag) {
        return new EnvironmentRevisionTag(tag.name(), tag.revision(), tag.created(), tag.modified(), tag.editorLogin(),
                tag.editorName());
    }

    static dev.openesc.api.EnvironmentTag environmentTag(dev.openesc.server.store.EnvironmentTag tag) {
        return new dev.openesc.api.EnvironmentTag(tag.name(), tag.value(), tag.created(), tag.modified(),
                tag.editorLogin(), tag.editorName());
    }

    static <S, T> Page<T> page(dev.openesc.server.store.Page<S> page, Function<S, T> view) {
        List<T> items = page.items().stream().map(view).toList();
        return new Page<>(items, page.nextToken());
    }

    /** Page sizes as the store takes them: zero or less means its default. */
    static int count(Integer count) {
        return count == null ? 0 : count;
    }
}
