#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace spikestudio {

/// The editor's text form of the model's number lists: indices as
/// "0, 5, 10" and TimedArray values as "0, 0.5, 1" (one column) or
/// "1, 2; 3, 4" (a table, rows separated by ';'). Parsing reports what is wrong
/// in `problem` and returns nothing.
namespace NumberLists {

QString formatIndices(const std::vector<long long>& indices);
/// Non-negative integers separated by commas or spaces; "" is the empty list.
std::optional<std::vector<long long>> parseIndices(const QString& text, QString* problem);

/// A table of values: its numbers row by row and its shape.
struct Table {
    std::vector<double> values;
    long long rows = 0;
    long long columns = 0; // 0: one column, written without ';'
};

QString formatTable(const Table& table);
std::optional<Table> parseTable(const QString& text, QString* problem);

} // namespace NumberLists

} // namespace spikestudio
