#include "document/LayoutJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace spikestudio {

namespace LayoutJson {

std::string write(const NodeLayout& layout) {
    QJsonObject positions;
    for (auto at = layout.begin(); at != layout.end(); ++at)
        positions.insert(at.key(), QJsonArray{at.value().x(), at.value().y()});
    return QJsonDocument(QJsonObject{{"positions", positions}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

NodeLayout read(const std::string& json) {
    NodeLayout layout;
    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    const QJsonObject positions = root.value("positions").toObject();
    for (auto at = positions.begin(); at != positions.end(); ++at) {
        const QJsonArray point = at.value().toArray();
        if (point.size() != 2 || !point[0].isDouble() || !point[1].isDouble())
            continue;
        const double x = point[0].toDouble(), y = point[1].toDouble();
        if (std::isfinite(x) && std::isfinite(y) && std::abs(x) < 1e7 && std::abs(y) < 1e7)
            layout.insert(at.key(), QPointF(x, y));
    }
    return layout;
}

} // namespace LayoutJson

} // namespace spikestudio
