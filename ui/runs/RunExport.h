#pragma once

#include "runtime/RunResults.h"

#include <QString>
#include <QStringList>
#include <cstdint>

namespace spikestudio {

/// Where the Runs tab's Export CSV puts a run, and what it writes: one
/// folder per run (`run-3`), in it one `<monitor>.csv` per monitor (the files
/// `spikestudio export` writes), so that exports of different runs never
/// overwrite each other.
namespace RunExport {

QString folderFor(const QString& directory, std::int64_t run);
/// The file names exporting `results` writes, in the order of its records.
QStringList fileNames(const RunResults& results);
/// Those of `files` that exist in `folder` already.
QStringList existing(const QString& folder, const QStringList& files);

} // namespace RunExport

} // namespace spikestudio
