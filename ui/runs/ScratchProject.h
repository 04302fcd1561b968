#pragma once

#include <QString>

namespace spikestudio {

/// Where runs go while no project is open: one project file in the user's
/// data directory (QStandardPaths::AppDataLocation), so that every run is
/// kept and the Runs browser always works. The file is created by the first
/// run made without a project; like any project it keeps that first model as
/// its own and every run's exact model text.
namespace ScratchProject {

/// The scratch project's path (its directory created), or "" when the
/// system names no data directory.
QString path();

} // namespace ScratchProject

} // namespace spikestudio
