set -e
if [ ! -d /tmp/site/mlx ]; then
  mkdir -p /root/parts
  cp device-parts2/* /root/parts/
  cat /root/parts/cuda.part.aa /root/parts/cuda.part.ab > /root/parts/mlx_cuda_13-0.32.4-py3-none-manylinux_2_35_x86_64.whl
  pip install -q --no-deps --target /tmp/site /root/parts/mlx-0.32.4-cp312-cp312-manylinux_2_35_x86_64.whl /root/parts/mlx_cuda_13-0.32.4-py3-none-manylinux_2_35_x86_64.whl
fi
