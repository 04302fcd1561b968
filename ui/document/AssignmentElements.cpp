#include "document/AssignmentElements.h"

#include <QObject>
#include <QStringList>

namespace spikestudio {

namespace AssignmentElements {

namespace {

QString formatAxis(const IndexSelection& selection, const QString& all) {
    switch (selection.form) {
    case IndexSelection::Form::All:
        return all;
    case IndexSelection::Form::Slice:
        return QString::fromStdString(sliceText(selection));
    case IndexSelection::Form::List:
        break;
    }
    if (selection.list.size() == 1)
        return QString::number(selection.list.front());
    QStringList numbers;
    for (long long index : selection.list)
        numbers << QString::number(index);
    return "[" + numbers.join(", ") + "]";
}

bool parseIndex(const QString& text, long long& index) {
    bool ok = false;
    index = text.trimmed().toLongLong(&ok);
    return ok && index >= 0;
}

/// One axis: all, an index, a list in brackets or a slice.
bool parseAxis(const QString& text, IndexSelection& selection, QString* problem) {
    const QString part = text.trimmed();
    IndexSelection parsed;
    if (part.isEmpty() || part == ":" || part.compare("all", Qt::CaseInsensitive) == 0) {
        selection = parsed;
        return true;
    }
    if (part.contains(':')) {
        if (parseSlice(part.toStdString(), parsed)) {
            selection = parsed;
            return true;
        }
        *problem = QObject::tr("'%1' is not a slice (start:stop or start:stop:step, no negative "
                               "numbers)")
                       .arg(part);
        return false;
    }
    parsed.form = IndexSelection::Form::List;
    const bool bracketed = part.startsWith('[') && part.endsWith(']');
    const QString inner = bracketed ? part.mid(1, part.size() - 2) : part;
    for (const QString& number : inner.split(',', Qt::SkipEmptyParts)) {
        long long index = 0;
        if (!parseIndex(number, index)) {
            *problem = QObject::tr("'%1' is not an index (a whole number from 0 on)")
                           .arg(number.trimmed());
            return false;
        }
        parsed.list.push_back(index);
    }
    if (parsed.list.empty() || (!bracketed && parsed.list.size() > 1)) {
        *problem = parsed.list.empty()
                       ? QObject::tr("an empty list selects nothing")
                       : QObject::tr("a list of indices is written in brackets: [%1]").arg(inner);
        return false;
    }
    selection = parsed;
    return true;
}

/// `text` split at the commas outside brackets.
QStringList topLevelParts(const QString& text) {
    QStringList parts{QString()};
    int depth = 0;
    for (QChar c : text) {
        depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        if (c == ',' && depth == 0)
            parts << QString();
        else
            parts.last() += c;
    }
    return parts;
}

} // namespace

QString format(const AssignmentSpec& assignment) {
    if (!assignment.condition.empty())
        return "'" + QString::fromStdString(assignment.condition) + "'";
    if (!assignment.pre.all() || !assignment.post.all())
        return formatAxis(assignment.pre, ":") + ", " + formatAxis(assignment.post, ":");
    return formatAxis(assignment.index, QObject::tr("all"));
}

bool parse(const QString& text, bool synapses, AssignmentSpec& assignment, QString* problem) {
    const QString trimmed = text.trimmed();
    AssignmentSpec parsed;
    const bool quoted = trimmed.size() >= 2 &&
                        (trimmed.front() == '\'' || trimmed.front() == '"') &&
                        trimmed.back() == trimmed.front();
    if (quoted) {
        parsed.condition = trimmed.mid(1, trimmed.size() - 2).trimmed().toStdString();
        if (parsed.condition.empty()) {
            *problem =
                QObject::tr("an empty condition selects nothing; write all for every element");
            return false;
        }
    } else {
        const QStringList parts = topLevelParts(trimmed);
        if (parts.size() > 2 || (parts.size() == 2 && !synapses)) {
            *problem = synapses ? QObject::tr("at most two parts: pre, post")
                                : QObject::tr("a group's elements have one index; a list goes in "
                                              "brackets: [%1]")
                                      .arg(trimmed);
            return false;
        }
        if (parts.size() == 2) {
            if (!parseAxis(parts[0], parsed.pre, problem) ||
                !parseAxis(parts[1], parsed.post, problem))
                return false;
        } else if (!parseAxis(parts[0], parsed.index, problem)) {
            return false;
        }
    }
    assignment.index = parsed.index;
    assignment.pre = parsed.pre;
    assignment.post = parsed.post;
    assignment.condition = parsed.condition;
    return true;
}

} // namespace AssignmentElements

} // namespace spikestudio
