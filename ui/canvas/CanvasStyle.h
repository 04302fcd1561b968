#pragma once

#include "model/ObjectKinds.h"

#include <QColor>

namespace spikestudio {

/// The canvas's few colours, kept together so items look of a piece.
namespace CanvasStyle {

inline QColor accent() {
    return QColor(0x2f, 0x6f, 0xd6);
}
inline QColor problem() {
    return QColor(0xd0, 0x31, 0x2d);
}
inline QColor outline() {
    return QColor(0xb4, 0xb9, 0xc2);
}
inline QColor text() {
    return QColor(0x20, 0x24, 0x2a);
}
inline QColor mutedText() {
    return QColor(0x6b, 0x72, 0x7c);
}
inline QColor arrow() {
    return QColor(0x7a, 0x80, 0x8a);
}
inline QColor background() {
    return QColor(0xf6, 0xf7, 0xf9);
}

/// The colour of each style role a kind names (model/kinds/).
inline QColor roleColor(spikestudio::StyleRole role) {
    switch (role) {
    case spikestudio::StyleRole::Neurons:
        return QColor(0x3b, 0x82, 0xf6);
    case spikestudio::StyleRole::Stimulus:
        return QColor(0x16, 0xa3, 0x4a);
    case spikestudio::StyleRole::Generator:
        return QColor(0xea, 0x8a, 0x0c);
    case spikestudio::StyleRole::Connection:
        return arrow();
    case spikestudio::StyleRole::Recorder:
    case spikestudio::StyleRole::Input:
    case spikestudio::StyleRole::Table:
        break;
    }
    return accent();
}

/// One colour per kind of group, used for the node's side stripe.
inline QColor groupColor(spikestudio::GroupType type) {
    return roleColor(spikestudio::ObjectKinds::of(type).style);
}

} // namespace CanvasStyle

} // namespace spikestudio
