#pragma once

#include <vector>

class QCPAxisRect;
class QCustomPlot;

namespace spikestudio {

/// Where the segments of a protocol start, marked on a panel of a plot: a
/// thin dashed vertical line at each segment's start after the first, with
/// the segment's number at its top. The items are named
/// "segmentBoundary:<number>" and "segmentLabel:<number>".
namespace SegmentMarks {

/// Marks `starts` (seconds, one per segment, the first at 0) on `panel`,
/// whose time axis is its bottom axis.
void add(QCustomPlot& plot, QCPAxisRect* panel, const std::vector<double>& starts);

} // namespace SegmentMarks

} // namespace spikestudio
