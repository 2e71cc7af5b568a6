# JupyterHub for a class on one machine, with the Stride kernel in every student's server.
#
# Nothing of our own: JupyterHub (PyPI), the Python configurable-http-proxy (PyPI),
# DummyAuthenticator (any name logs in; set STRIDE_HUB_PASSWORD to require one shared password)
# and SimpleLocalProcessSpawner (every student's server is a process of the user running the
# hub, with its own home directory under the state directory). A course on a real machine swaps
# in its own authenticator and spawner (see deploy/jupyterhub/README.md); the single-user side
# (`jupyterhub-singleuser` from the environment where `stride install --sys-prefix` put the
# kernelspec, Stride as the default kernel) stays the same.
#
# Settings from the environment, with defaults for `jupyterhub -f` in a course directory:
#   STRIDE_HUB_STATE   directory for the hub's database, cookie secret and students' homes (./hub-state)
#   STRIDE_HUB_PORT    public port of the proxy on 127.0.0.1 (8000); the hub listens on +1,
#                      the proxy's API on +2
#   STRIDE_HUB_TOKEN   API token of the `class-admin` service (creates users, starts servers,
#                      reaches them: what scripts/hub-load.py uses); no service without it
import os
import sys

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)

state = os.path.abspath(os.environ.get("STRIDE_HUB_STATE", "hub-state"))
port = int(os.environ.get("STRIDE_HUB_PORT", "8000"))
bin_dir = os.path.dirname(sys.executable)
os.makedirs(os.path.join(state, "home"), exist_ok=True)

c.JupyterHub.bind_url = f"http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = [os.path.join(bin_dir, "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "cookie_secret")
c.JupyterHub.cleanup_servers = True

c.JupyterHub.authenticator_class = "dummy"
if os.environ.get("STRIDE_HUB_PASSWORD"):
    c.DummyAuthenticator.password = os.environ["STRIDE_HUB_PASSWORD"]
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(state, "home", "{username}")
c.Spawner.cmd = [os.path.join(bin_dir, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.args = ["--MappingKernelManager.default_kernel_name=stride"]
if os.getuid() == 0:  # containers and CI run as root; the local spawner then runs servers as root too
    c.Spawner.args.append("--allow-root")
# A class of 20 starting at once on two cores: a server may take a while to answer.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.concurrent_spawn_limit = 0
# Zero to JupyterHub's example guarantees 512 MB per student; a local spawner cannot enforce it,
# but the kernel reads MEM_LIMIT's cgroup counterpart where a container spawner sets one.
c.Spawner.mem_limit = "512M"
# One decoded copy of the data sets for the whole class: every kernel maps the same cache files
# read-only (written once, atomically, by the first kernel that loads a set). On a machine where
# students are separate Unix users, make this directory writable by the instructor only and load
# the sets once as the instructor: kernels that cannot write it still map what is there.
c.Spawner.environment = {"STRIDE_CACHE_DIR": os.path.join(state, "dataset-cache")}

token = os.environ.get("STRIDE_HUB_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "class-admin", "api_token": token}]
    c.JupyterHub.load_roles = [{
        "name": "class-admin",
        "scopes": ["admin:users", "admin:servers", "access:servers", "tokens"],
        "services": ["class-admin"],
    }]
