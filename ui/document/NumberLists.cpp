#include "document/NumberLists.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace spikestudio {

namespace {

QStringList numberWords(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString formatNumbers(const double* values, long long count) {
    QStringList words;
    for (long long k = 0; k < count; ++k)
        words << QString::number(values[k], 'g', 17);
    return words.join(", ");
}

std::optional<std::vector<double>> parseNumbers(const QString& text, QString* problem) {
    std::vector<double> values;
    for (const QString& word : numberWords(text)) {
        bool ok = false;
        const double value = word.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            *problem = QObject::tr("'%1' is not a number").arg(word);
            return std::nullopt;
        }
        values.push_back(value);
    }
    return values;
}

} // namespace

namespace NumberLists {

QString formatIndices(const std::vector<long long>& indices) {
    QStringList words;
    for (long long index : indices)
        words << QString::number(index);
    return words.join(", ");
}

std::optional<std::vector<long long>> parseIndices(const QString& text, QString* problem) {
    std::vector<long long> indices;
    for (const QString& word : numberWords(text)) {
        bool ok = false;
        const long long index = word.toLongLong(&ok);
        if (!ok || index < 0) {
            *problem = QObject::tr("'%1' is not an index (a whole number from 0 on)").arg(word);
            return std::nullopt;
        }
        indices.push_back(index);
    }
    return indices;
}

QString formatTable(const Table& table) {
    if (table.columns == 0)
        return formatNumbers(table.values.data(), static_cast<long long>(table.values.size()));
    QStringList rows;
    for (long long row = 0; row < table.rows; ++row)
        rows << formatNumbers(table.values.data() + row * table.columns, table.columns);
    return rows.join("; ");
}

std::optional<Table> parseTable(const QString& text, QString* problem) {
    const QStringList rowTexts = text.split(';');
    Table table;
    for (const QString& rowText : rowTexts) {
        const auto row = parseNumbers(rowText, problem);
        if (!row)
            return std::nullopt;
        const auto width = static_cast<long long>(row->size());
        if (rowTexts.size() > 1 && table.rows > 0 && width != table.columns) {
            *problem = QObject::tr("every row needs %1 values, row %2 has %3")
                           .arg(table.columns)
                           .arg(table.rows + 1)
                           .arg(width);
            return std::nullopt;
        }
        table.columns = width;
        table.rows += 1;
        table.values.insert(table.values.end(), row->begin(), row->end());
    }
    if (rowTexts.size() == 1) { // one column, called as name(t)
        table.rows = table.columns;
        table.columns = 0;
    }
    if (table.values.empty()) {
        *problem = QObject::tr("a TimedArray needs at least one value");
        return std::nullopt;
    }
    return table;
}

} // namespace NumberLists

} // namespace spikestudio
