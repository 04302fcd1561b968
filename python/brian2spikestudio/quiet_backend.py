"""matplotlib's Agg backend with a show() that does nothing, for scripts being
imported (MPLBACKEND=module://brian2spikestudio.quiet_backend): figures are
drawn in memory, no window opens, and show() neither blocks nor warns."""
from matplotlib.backends.backend_agg import *  # noqa: F401,F403 (the backend's interface)


def show(*args, **kwargs):
    """plt.show() of a script being imported: there is nothing to show."""
