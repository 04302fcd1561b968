#include "canvas/NetworkView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace spikestudio {

namespace {
constexpr double kMinimumScale = 0.1;
constexpr double kMaximumScale = 4.0;
} // namespace

NetworkView::NetworkView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void NetworkView::zoomBy(double factor) {
    const double current = transform().m11();
    factor = std::clamp(current * factor, kMinimumScale, kMaximumScale) / current;
    scale(factor, factor);
}

void NetworkView::fitNetwork() {
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-60, -60, 60, 60);
    // A large scene rectangle leaves room to pan beyond the network's edges.
    setSceneRect(bounds.adjusted(-2000, -2000, 2000, 2000));
    fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.0)
        resetTransform();
    centerOn(bounds.center());
}

void NetworkView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    zoomBy(std::pow(1.15, steps));
    event->accept();
}

bool NetworkView::startsPan(const QMouseEvent* event) const {
    return event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && spaceHeld_);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    if (startsPan(event)) {
        panning_ = true;
        lastPanPoint_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void NetworkView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        const QPoint delta = event->position().toPoint() - lastPanPoint_;
        lastPanPoint_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void NetworkView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_) {
        panning_ = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void NetworkView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void NetworkView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

} // namespace spikestudio
