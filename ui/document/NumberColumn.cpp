#include "document/NumberColumn.h"

#include <QLocale>
#include <QObject>
#include <QStringList>
#include <array>
#include <charconv>
#include <cmath>

namespace spikestudio {

namespace NumberColumn {

namespace {

constexpr qsizetype kMaximumRows = 10'000'000;

/// The C locale, refusing "1,000": a comma is never part of a number here.
QLocale strictLocale() {
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::RejectGroupSeparator);
    return locale;
}

} // namespace

std::optional<std::vector<double>> parse(const QString& text, QString* problem) {
    QString normalized = text;
    normalized.replace("\r\n", "\n").replace('\r', '\n');
    QStringList lines = normalized.split('\n');
    if (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || (lines.size() == 1 && lines.front().trimmed().isEmpty())) {
        *problem = QObject::tr("nothing to paste: the clipboard holds no numbers");
        return std::nullopt;
    }
    if (lines.size() > kMaximumRows) {
        *problem = QObject::tr("%1 rows are more than the %2 an array may hold")
                       .arg(lines.size())
                       .arg(kMaximumRows);
        return std::nullopt;
    }
    std::vector<double> values;
    values.reserve(size_t(lines.size()));
    for (qsizetype row = 0; row < lines.size(); ++row) {
        const QStringList cells = lines[row].split('\t');
        if (cells.size() > 1) {
            *problem = QObject::tr("row %1 has %2 columns; paste a single column of numbers")
                           .arg(row + 1)
                           .arg(cells.size());
            return std::nullopt;
        }
        bool ok = false;
        const QString cell = cells.front().trimmed();
        const double value = strictLocale().toDouble(cell, &ok);
        if (!ok || !std::isfinite(value)) {
            *problem = QObject::tr("row %1, column 1: '%2' is not a number").arg(row + 1).arg(cell);
            return std::nullopt;
        }
        values.push_back(value);
    }
    return values;
}

QString number(double value) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

QString format(const std::vector<double>& values) {
    QStringList lines;
    lines.reserve(qsizetype(values.size()));
    for (double value : values)
        lines << number(value);
    return lines.join('\n') + (values.empty() ? "" : "\n");
}

} // namespace NumberColumn

} // namespace spikestudio
