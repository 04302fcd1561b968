#pragma once

#include <QTableWidgetItem>

namespace spikestudio {

/// A table cell that can be selected but not edited.
inline QTableWidgetItem* readOnlyCell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace spikestudio
