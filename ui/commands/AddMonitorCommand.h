#pragma once

#include "commands/EditModelCommand.h"

namespace spikestudio {

/// Adds one monitor (from the canvas menu or the inspector) as one undo step.
class AddMonitorCommand : public EditModelCommand {
public:
    AddMonitorCommand(ModelDocument* document, const spikestudio::MonitorSpec& monitor);
};

} // namespace spikestudio
