set -e
bash gpu_setup.sh
L=/opt/torch/.venv/lib/python3.12/site-packages/nvidia
export LD_LIBRARY_PATH=$L/cu13/lib:$L/cudnn/lib:$L/nccl/lib
export PYTHONPATH=/tmp/site:$PWD/generated:$PWD
mkdir -p /root/gpu
[ -f /root/gpu/speed-gpu.json ] || cp measure/results/speed-gpu.json /root/gpu/
python3 -m measure.kernels > /root/gpu/kernels-on-gpu.txt
cp measure/results/kernels.json /root/gpu/kernels-on-gpu.json
python3 -u -m measure.speed --device gpu --size 134217728 --merge --out /root/gpu "$@" | tee $OUT/speed-log.txt
cp /root/gpu/* $OUT/
