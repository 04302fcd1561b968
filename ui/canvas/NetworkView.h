#pragma once

#include <QGraphicsView>

namespace spikestudio {

/// The canvas's view: wheel zooms around the mouse, the middle button (or
/// Space + left button) pans, a left drag on empty space selects a rectangle.
class NetworkView : public QGraphicsView {
    Q_OBJECT

public:
    explicit NetworkView(QGraphicsScene* scene, QWidget* parent = nullptr);

    void zoomBy(double factor);
    /// Fits the whole network in view, never enlarging beyond 100 %.
    void fitNetwork();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;

private:
    bool startsPan(const QMouseEvent* event) const;

    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint lastPanPoint_;
};

} // namespace spikestudio
