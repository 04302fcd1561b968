#include "document/SpikeListText.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>

namespace spikestudio::SpikeListText {

namespace {

/// `text` split at the commas outside brackets and parentheses, each part trimmed.
QStringList topLevelParts(const QString& text) {
    QStringList parts;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == '[' || c == '(')
            ++depth;
        else if (c == ']' || c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            parts << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current.trimmed();
    return parts;
}

/// The elements of `[a, b, c]` (none for `[]`), or nothing when `text` is no list.
std::optional<QStringList> listElements(const QString& text) {
    if (!text.startsWith('[') || !text.endsWith(']'))
        return std::nullopt;
    const QString inner = text.mid(1, text.size() - 2).trimmed();
    return inner.isEmpty() ? QStringList() : topLevelParts(inner);
}

/// "1.5*ms" as its number and unit, when a time is written that way.
std::optional<std::pair<QString, QString>> numberTimesUnit(const QString& time) {
    static const QRegularExpression form(
        QStringLiteral("^\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*\\*\\s*(\\w+)\\s*$"));
    const QRegularExpressionMatch match = form.match(time);
    if (!match.hasMatch())
        return std::nullopt;
    return std::make_pair(match.captured(1), match.captured(2));
}

QString timesText(const std::vector<std::string>& times) {
    QStringList numbers;
    QString unit;
    for (const std::string& time : times) {
        const auto parts = numberTimesUnit(QString::fromStdString(time));
        if (!parts || (!unit.isEmpty() && parts->second != unit)) {
            numbers.clear();
            break;
        }
        unit = parts->second;
        numbers << parts->first;
    }
    if (!times.empty() && numbers.size() == int(times.size()))
        return "[" + numbers.join(", ") + "]*" + unit;
    QStringList expressions;
    for (const std::string& time : times)
        expressions << QString::fromStdString(time);
    return "[" + expressions.join(", ") + "]";
}

std::optional<std::vector<long long>> indices(const QString& text, QString* problem) {
    const auto refuse = [problem] {
        *problem = QObject::tr("the indices are a list of whole numbers from 0, such as [3, 2, 1]");
        return std::nullopt;
    };
    const std::optional<QStringList> elements = listElements(text);
    if (!elements)
        return refuse();
    std::vector<long long> result;
    for (const QString& element : *elements) {
        bool whole = false;
        const long long index = element.toLongLong(&whole);
        if (!whole || index < 0)
            return refuse();
        result.push_back(index);
    }
    return result;
}

/// `[1, 4, 2]*ms` or `[1*ms, tau + 2*ms]`, as time expressions.
std::optional<std::vector<std::string>> times(const QString& text, QString* problem) {
    static const QRegularExpression scaled(QStringLiteral("^(\\[.*\\])\\s*\\*\\s*(\\w+)$"));
    const QRegularExpressionMatch match = scaled.match(text);
    const std::optional<QStringList> elements =
        listElements(match.hasMatch() ? match.captured(1) : text);
    if (!elements || elements->contains(QString())) {
        *problem = QObject::tr("the times are a list such as [1, 4, 2]*ms or [1*ms, 4*ms]");
        return std::nullopt;
    }
    std::vector<std::string> result;
    for (const QString& element : *elements)
        result.push_back(
            (match.hasMatch() ? element + "*" + match.captured(2) : element).toStdString());
    return result;
}

} // namespace

QString format(const SpikeListSpec& spikes) {
    QStringList indices;
    for (long long index : spikes.indices)
        indices << QString::number(index);
    QString text = "[" + indices.join(", ") + "], " + timesText(spikes.times);
    if (!spikes.period.empty())
        text += ", period=" + QString::fromStdString(spikes.period);
    return text;
}

std::optional<SpikeListSpec> parse(const QString& text, QString* problem) {
    const QStringList parts = topLevelParts(text.trimmed());
    static const QRegularExpression periodForm(QStringLiteral("^period\\s*=\\s*(.+)$"));
    const QRegularExpressionMatch period =
        parts.size() == 3 ? periodForm.match(parts[2]) : QRegularExpressionMatch();
    if (parts.size() < 2 || parts.size() > 3 || (parts.size() == 3 && !period.hasMatch())) {
        *problem = QObject::tr("write the spikes as set_spikes takes them: [3, 2, 1], [1, 4, "
                               "2]*ms, and optionally period=5*ms");
        return std::nullopt;
    }
    SpikeListSpec spikes;
    const auto readIndices = indices(parts[0], problem);
    const auto readTimes = readIndices ? times(parts[1], problem) : std::nullopt;
    if (!readTimes)
        return std::nullopt;
    if (readIndices->size() != readTimes->size()) {
        *problem = QObject::tr("%1 indices but %2 times: one time per index")
                       .arg(readIndices->size())
                       .arg(readTimes->size());
        return std::nullopt;
    }
    spikes.indices = *readIndices;
    spikes.times = *readTimes;
    if (period.hasMatch())
        spikes.period = period.captured(1).trimmed().toStdString();
    return spikes;
}

} // namespace spikestudio::SpikeListText
