#pragma once

#include "sweep/SweepThumbnail.h"

#include <QFrame>
#include <cstddef>

namespace spikestudio {

/// One run of a sweep in the Sweep view: its label (the values it varies,
/// its seed) over a raster or population-rate thumbnail, waiting until the
/// run ends; failed and stopped runs say so. A click on a run that finished
/// asks for its full plots.
class SweepTile : public QFrame {
    Q_OBJECT

public:
    enum class Drawing { Raster, Rate };
    enum class State { Waiting, Finished, Stopped, Failed, NotRun };

    /// `description`: the variant in full (every value and the seed), its tooltip.
    SweepTile(std::size_t variant, const QString& label, const QString& description,
              QWidget* parent = nullptr);

    std::size_t variant() const { return variant_; }
    QString label() const { return label_; }
    State state() const { return state_; }
    const SweepThumbnail& thumbnail() const { return thumbnail_; }

    /// The run ended: `message` says why when it did not finish.
    void setResult(State state, SweepThumbnail thumbnail, const QString& message);
    /// How every tile of the sweep draws, and the rate at the top of the rate axis.
    void setDrawing(Drawing drawing, double rateScale);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void clicked(std::size_t variant);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void paintRaster(QPainter& painter, const QRect& area) const;
    void paintRate(QPainter& painter, const QRect& area) const;
    QString footer() const;

    std::size_t variant_;
    QString label_;
    QString description_;
    State state_ = State::Waiting;
    SweepThumbnail thumbnail_;
    QString message_;
    Drawing drawing_ = Drawing::Raster;
    double rateScale_ = 1.0;
};

} // namespace spikestudio
