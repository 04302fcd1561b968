#include "commands/AddMonitorCommand.h"

#include <QObject>

namespace spikestudio {

AddMonitorCommand::AddMonitorCommand(ModelDocument* document, const MonitorSpec& monitor)
    : EditModelCommand(document,
                       QObject::tr("Add monitor %1").arg(QString::fromStdString(monitor.name)),
                       [monitor](Model& model) { model.monitors.push_back(monitor); }) {}

} // namespace spikestudio
