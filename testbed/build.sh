#!/bin/sh
# Build or fetch the real components that Kinko's end-to-end tests run, and cache them outside the
# repository, in ${KINKO_CACHE_DIR:-$HOME/.cache/kinko}/testbed/<component>-<version>/.
#
# Usage: testbed/build.sh [--print-paths] [component ...]
#   component     etcd, kubernetes, kwok, python or crds; all of them when none is named
#   --print-paths print one JSON object on stdout with the path of every binary and CRD folder
#                 built; progress always goes to stderr
#
# A folder is reused while the stamp file inside it matches the inputs it was built from (pinned
# versions, go.sum, build flags), so a run with nothing to build takes a fraction of a second.
# Concurrent runs wait for each other on a lock file in the cache.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/versions.env"

print_paths=false
components=""
for argument in "$@"; do
  case "$argument" in
    --print-paths) print_paths=true ;;
    etcd | kubernetes | kwok | python | crds) components="$components $argument" ;;
    *)
      echo "build.sh: unknown argument '$argument'; expected --print-paths or one of: etcd kubernetes kwok python crds" >&2
      exit 2
      ;;
  esac
done
[ -n "$components" ] || components="etcd kubernetes kwok python crds"

cache_root="${KINKO_CACHE_DIR:-$HOME/.cache/kinko}/testbed"
mkdir -p "$cache_root"

# The builds below use the machine's Go unless versions.env names a toolchain. The CRD modules of
# Argo CD and Argo Rollouts declare go 1.27.0 and 1.26.10, so the go command refuses to download
# them with Go 1.26.8; that step takes Go 1.27.3 from the Go module proxy instead.
export GOTOOLCHAIN="$KINKO_TESTBED_GOTOOLCHAIN"
crd_download_toolchain=go1.27.3
export GOFLAGS="-mod=readonly -buildvcs=false"
# Leave out the symbol table and DWARF data, which only a debugger needs.
go_ldflags="-s -w"

exec 9>"$cache_root/.lock"
if ! flock -n 9; then
  echo "build.sh: waiting for another build of the test bed ($cache_root/.lock)" >&2
  flock 9
fi

log() {
  echo "build.sh: $*" >&2
}

# Print the stamp of a component: a hash of everything its folder was built from, which the
# caller passes as arguments (go.sum and the Python constraints pin every version).
stamp_of() {
  printf '%s\n' "$@" | sha256sum | cut -d' ' -f1
}

# Succeed when the folder exists and was built from the same inputs.
is_fresh() {
  [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$2" ]
}

# Move a finished build into place, so an interrupted build never leaves a half-filled folder that
# looks complete.
publish() {
  staging=$1 folder=$2 stamp=$3
  printf '%s\n' "$stamp" >"$staging/.stamp"
  rm -rf "$folder"
  mv "$staging" "$folder"
}

seconds_since() {
  echo $(($(date +%s) - $1))
}

# Build Go commands one at a time at the lowest CPU priority, since the machine is shared:
# MODULE_DIR FOLDER NAME=PACKAGE...
build_go() {
  module_dir=$1 folder=$2
  shift 2
  stamp=$(stamp_of "-trimpath -ldflags=$go_ldflags" "$(go version)" "$(cat "$module_dir/go.mod" "$module_dir/go.sum")")
  if is_fresh "$folder" "$stamp"; then
    return
  fi
  staging="$folder.partial"
  rm -rf "$staging"
  mkdir -p "$staging/bin"
  for binary in "$@"; do
    name=${binary%%=*} package=${binary#*=}
    started=$(date +%s)
    log "building $name from $package"
    (cd "$module_dir" && nice -n 19 go build -trimpath -ldflags="$go_ldflags" -o "$staging/bin/$name" "$package")
    log "built $name in $(seconds_since "$started") s"
  done
  publish "$staging" "$folder" "$stamp"
}

build_python() {
  folder=$1
  stamp=$(stamp_of "$(python3 --version)" "$(cat "$here/python/constraints.txt")")
  if is_fresh "$folder" "$stamp"; then
    return
  fi
  started=$(date +%s)
  log "installing moto $MOTO_VERSION and cfn-lint $CFN_LINT_VERSION into $folder/venv"
  rm -rf "$folder"
  # A venv records its own path in its scripts, so it is built in its final folder and the stamp is
  # written last.
  python3 -m venv "$folder/venv"
  "$folder/venv/bin/pip" install --quiet --disable-pip-version-check --no-input \
    --constraint "$here/python/constraints.txt" \
    "moto[server]==$MOTO_VERSION" "cfn-lint==$CFN_LINT_VERSION"
  printf '%s\n' "$stamp" >"$folder/.stamp"
  log "installed the Python tools in $(seconds_since "$started") s"
}

# Copy files out of a Go module zip, such as a project's CRDs: MODULE VERSION FOLDER FILE...
fetch_module_files() {
  module=$1 version=$2 folder=$3
  shift 3
  stamp=$(stamp_of "$module@$version" "$@")
  if is_fresh "$folder" "$stamp"; then
    return
  fi
  log "copying $# files out of $module@$version"
  download=$(cd "$cache_root" && GOTOOLCHAIN="$crd_download_toolchain" GOFLAGS=-mod=mod \
    go mod download -json "$module@$version")
  error=$(printf '%s\n' "$download" | sed -n 's/^[[:space:]]*"Error": "\(.*\)"$/\1/p')
  if [ -n "$error" ]; then
    log "cannot download $module@$version from the Go module proxy: $error"
    exit 1
  fi
  module_dir=$(printf '%s\n' "$download" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  staging="$folder.partial"
  rm -rf "$staging"
  mkdir -p "$staging"
  for file in "$@"; do
    cp "$module_dir/$file" "$staging/"
  done
  chmod -R u+w "$staging"
  publish "$staging" "$folder" "$stamp"
}

# Copy the CustomResourceDefinitions named NAME... out of a multi-document YAML file, one file
# each, into FOLDER: SOURCE FOLDER NAME...
select_crds() {
  source=$1 folder=$2
  shift 2
  stamp=$(stamp_of "$(sha256sum <"$source")" "$@")
  if is_fresh "$folder" "$stamp"; then
    return
  fi
  staging="$folder.partial"
  rm -rf "$staging"
  mkdir -p "$staging"
  for name in "$@"; do
    awk -v name="$name" '
      /^---$/ { if (keep) printf "%s", doc; doc = ""; keep = 0; next }
      { doc = doc $0 "\n" }
      $0 == "  name: " name { keep = 1 }
      END { if (keep) printf "%s", doc }
    ' "$source" >"$staging/$name.yaml"
    if [ ! -s "$staging/$name.yaml" ]; then
      log "no CustomResourceDefinition $name in $source"
      exit 1
    fi
  done
  publish "$staging" "$folder" "$stamp"
}

etcd_dir="$cache_root/etcd-$ETCD_VERSION"
kubernetes_dir="$cache_root/kubernetes-$KUBERNETES_VERSION"
kwok_dir="$cache_root/kwok-$KWOK_VERSION"
kwok_stages_dir="$cache_root/kwok-stages-$KWOK_VERSION"
python_dir="$cache_root/python-moto-$MOTO_VERSION-cfn-lint-$CFN_LINT_VERSION"
secrets_store_dir="$cache_root/crds-secrets-store-csi-driver-$SECRETS_STORE_CSI_DRIVER_VERSION"
argo_cd_dir="$cache_root/crds-argo-cd-$ARGO_CD_VERSION"
argo_rollouts_dir="$cache_root/crds-argo-rollouts-$ARGO_ROLLOUTS_VERSION"
cert_manager_dir="$cache_root/crds-cert-manager-$CERT_MANAGER_VERSION"
istio_api_dir="$cache_root/istio-api-$ISTIO_API_VERSION"
istio_dir="$cache_root/crds-istio-security-$ISTIO_API_VERSION"

started_all=$(date +%s)
for component in $components; do
  case "$component" in
    etcd)
      build_go "$here/go/etcd" "$etcd_dir" etcd=go.etcd.io/etcd/server/v3
      ;;
    kubernetes)
      build_go "$here/go/kube" "$kubernetes_dir" \
        kube-apiserver=k8s.io/kubernetes/cmd/kube-apiserver \
        kube-controller-manager=k8s.io/kubernetes/cmd/kube-controller-manager \
        kube-scheduler=k8s.io/kubernetes/cmd/kube-scheduler
      ;;
    kwok)
      build_go "$here/go/kwok" "$kwok_dir" kwok=sigs.k8s.io/kwok/cmd/kwok
      # The kwok binary has no built-in stages (kwokctl writes them into its config), so the
      # harness passes these with --config. With them, nodes turn Ready and renew their Lease.
      # Pods turn Ready at once, and a pod marked for deletion is removed at once.
      fetch_module_files sigs.k8s.io/kwok "$KWOK_VERSION" "$kwok_stages_dir" \
        kustomize/stage/node/fast/node-initialize.yaml \
        kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
        kustomize/stage/pod/fast/pod-ready.yaml \
        kustomize/stage/pod/fast/pod-complete.yaml \
        kustomize/stage/pod/fast/pod-delete.yaml
      ;;
    python)
      build_python "$python_dir"
      ;;
    crds)
      fetch_module_files sigs.k8s.io/secrets-store-csi-driver "$SECRETS_STORE_CSI_DRIVER_VERSION" "$secrets_store_dir" \
        config/crd/bases/secrets-store.csi.x-k8s.io_secretproviderclasses.yaml \
        config/crd/bases/secrets-store.csi.x-k8s.io_secretproviderclasspodstatuses.yaml
      # ApplicationSet is left out: its CRD (1.5 MiB in v3.6.2) exceeds etcd's default request
      # size limit, and Kinko does not generate ApplicationSets.
      fetch_module_files github.com/argoproj/argo-cd/v3 "$ARGO_CD_VERSION" "$argo_cd_dir" \
        manifests/crds/application-crd.yaml \
        manifests/crds/appproject-crd.yaml
      # Experiment is left out: the blueGreen strategy never creates one.
      fetch_module_files github.com/argoproj/argo-rollouts "$ARGO_ROLLOUTS_VERSION" "$argo_rollouts_dir" \
        manifests/crds/rollout-crd.yaml \
        manifests/crds/analysis-template-crd.yaml \
        manifests/crds/cluster-analysis-template-crd.yaml \
        manifests/crds/analysis-run-crd.yaml
      # cert-manager's Issuer and Certificate issue the guard's serving certificate. Kinko
      # generates no other cert-manager kind.
      fetch_module_files github.com/cert-manager/cert-manager "$CERT_MANAGER_VERSION" "$cert_manager_dir" \
        deploy/crds/cert-manager.io_issuers.yaml \
        deploy/crds/cert-manager.io_certificates.yaml
      # Istio generates all 15 of its CRDs (950 KiB) into one file. The test bed installs only the
      # security.istio.io ones, whose PeerAuthentication the mesh manifests use, so that every
      # start of the test bed stays short.
      fetch_module_files istio.io/api "$ISTIO_API_VERSION" "$istio_api_dir" \
        kubernetes/customresourcedefinitions.gen.yaml
      select_crds "$istio_api_dir/customresourcedefinitions.gen.yaml" "$istio_dir" \
        peerauthentications.security.istio.io \
        authorizationpolicies.security.istio.io \
        requestauthentications.security.istio.io
      ;;
  esac
done
log "test bed ready in $(seconds_since "$started_all") s (cache: $cache_root)"

if $print_paths; then
  cat <<JSON
{
  "etcd": "$etcd_dir/bin/etcd",
  "kubeApiserver": "$kubernetes_dir/bin/kube-apiserver",
  "kubeControllerManager": "$kubernetes_dir/bin/kube-controller-manager",
  "kubeScheduler": "$kubernetes_dir/bin/kube-scheduler",
  "kwok": "$kwok_dir/bin/kwok",
  "kwokStagesDir": "$kwok_stages_dir",
  "motoServer": "$python_dir/venv/bin/moto_server",
  "cfnLint": "$python_dir/venv/bin/cfn-lint",
  "crdDirs": ["$secrets_store_dir", "$argo_cd_dir", "$argo_rollouts_dir", "$cert_manager_dir", "$istio_dir", "$here/crds"],
  "auditPolicy": "$here/audit-policy.yaml"
}
JSON
fi
