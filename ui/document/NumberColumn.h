#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace spikestudio {

/// A column of numbers as text, to and from a spreadsheet's clipboard: one
/// number a line (cells of a row are tab-separated).
namespace NumberColumn {

/// The numbers of `text`, one per line; a trailing empty line (spreadsheets
/// end a copy with one) is ignored. Nothing when a row has more than one
/// cell, or a cell is not a finite number: `problem` then names the row and
/// column (counted from 1) and the cell.
std::optional<std::vector<double>> parse(const QString& text, QString* problem);

/// `values` one a line, each the shortest text that reads back as the same number.
QString format(const std::vector<double>& values);

/// The shortest text that reads back as `value`.
QString number(double value);

} // namespace NumberColumn

} // namespace spikestudio
