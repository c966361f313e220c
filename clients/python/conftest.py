# The emulator's pytest fixtures for the tests under this directory (this directory is on sys.path, so the
# package is used from the source tree without installing it).
pytest_plugins = ["mkto_emulator.pytest_plugin"]
