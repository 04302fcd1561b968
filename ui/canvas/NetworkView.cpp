#include "canvas/NetworkView.h"

#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace spikestudio {

namespace {
constexpr double kMinimumScale = 0.1;
constexpr double kMaximumScale = 4.0;
// How far past the network the view may pan, as a part of the visible width
// and height: some of the network always stays in view.
constexpr double kPanMargin = 0.45;
// The scene an empty canvas shows, around the origin where new groups go.
const QRectF kEmptyScene(-200, -150, 400, 300);
} // namespace

NetworkView::NetworkView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(scene, &QGraphicsScene::changed, this, &NetworkView::updateSceneBounds);
    updateSceneBounds();
}

void NetworkView::scaleBy(double factor) {
    const double current = transform().m11();
    factor = std::clamp(current * factor, kMinimumScale, kMaximumScale) / current;
    scale(factor, factor);
    updateSceneBounds();
    emit zoomChanged(zoomPercent());
}

void NetworkView::zoomBy(double factor) {
    const QPointF center = visibleSceneRect().center();
    scaleBy(factor);
    centerOn(center);
}

void NetworkView::fitNetwork() {
    QRectF bounds = scene()->itemsBoundingRect();
    bounds = bounds.isEmpty() ? kEmptyScene : bounds.adjusted(-60, -60, 60, 60);
    resetTransform();
    updateSceneBounds();
    fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.0)
        resetTransform();
    if (transform().m11() < kMinimumScale)
        setTransform(QTransform::fromScale(kMinimumScale, kMinimumScale));
    updateSceneBounds();
    centerOn(bounds.center());
    emit zoomChanged(zoomPercent());
}

int NetworkView::zoomPercent() const {
    return int(std::lround(transform().m11() * 100));
}

QRectF NetworkView::visibleSceneRect() const {
    return mapToScene(viewport()->rect()).boundingRect();
}

void NetworkView::reveal(const QRectF& sceneRect) {
    updateSceneBounds();
    ensureVisible(sceneRect, 20, 20);
}

// The scene rectangle bounds the scroll bars, and with them panning: the
// network plus a margin smaller than the view.
void NetworkView::updateSceneBounds() {
    QRectF bounds = scene()->itemsBoundingRect();
    if (bounds.isEmpty())
        bounds = kEmptyScene;
    const double scale = transform().m11();
    const double marginX = kPanMargin * viewport()->width() / scale;
    const double marginY = kPanMargin * viewport()->height() / scale;
    const QRectF rect = bounds.adjusted(-marginX, -marginY, marginX, marginY);
    if (rect != sceneRect())
        setSceneRect(rect);
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    updateSceneBounds();
}

void NetworkView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    scaleBy(std::pow(1.15, steps)); // around the mouse
    event->accept();
}

bool NetworkView::startsPan(const QMouseEvent* event) const {
    return event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && spaceHeld_);
}

// A right click acts on what is under the mouse, as in other editors: that
// item becomes the selection unless it is already part of it.
void NetworkView::selectUnder(QPoint at) {
    QGraphicsItem* item = itemAt(at);
    while (item && !(item->flags() & QGraphicsItem::ItemIsSelectable))
        item = item->parentItem();
    if (item && item->isSelected())
        return;
    scene()->clearSelection();
    if (item)
        item->setSelected(true);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    if (startsPan(event)) {
        panning_ = true;
        lastPanPoint_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        selectUnder(event->position().toPoint());
        event->accept(); // the context menu follows
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
