#pragma once

#include <QString>

/// Starts the desktop editor on `modelPath` and runs the event loop until the
/// window closes. With no path it shows the start page, or reopens the last
/// file when the user chose so there. With SPIKESTUDIO_SCREENSHOT=FILE.png in
/// the environment it instead saves a picture of the main window and exits
/// (for documentation, under Xvfb); SPIKESTUDIO_SELECT=GROUP selects a group
/// first so the picture shows the inspector at work.
/// `examplesDirectory` fills File > Examples ("" for none).
int runGui(int argc, char** argv, const QString& modelPath, const QString& examplesDirectory);
