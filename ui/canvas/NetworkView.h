#pragma once

#include <QGraphicsView>

namespace spikestudio {

/// The canvas's view: wheel zooms around the mouse, the middle button (or
/// Space + left button) pans, a left drag on empty space selects a rectangle,
/// a right click selects what is under the mouse. Panning stops before the
/// network leaves the view, at any zoom.
class NetworkView : public QGraphicsView {
    Q_OBJECT

public:
    explicit NetworkView(QGraphicsScene* scene, QWidget* parent = nullptr);

    /// Zooms around the centre of the view.
    void zoomBy(double factor);
    /// Fits the whole network in view, never enlarging beyond 100 %.
    void fitNetwork();
    /// The zoom in percent (100: one scene unit per pixel).
    int zoomPercent() const;
    /// The part of the scene the view shows.
    QRectF visibleSceneRect() const;
    /// Scrolls just enough to show `sceneRect` whole (when it fits).
    void reveal(const QRectF& sceneRect);

signals:
    void zoomChanged(int percent);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;

private:
    bool startsPan(const QMouseEvent* event) const;
    void scaleBy(double factor);
    void selectUnder(QPoint at);
    void updateSceneBounds();

    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint lastPanPoint_;
};

} // namespace spikestudio
